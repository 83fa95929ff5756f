package io.tributary.jobs.testing;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A JUnit 5 extension that makes sure the real local Flink 1.19 session cluster (one JobManager,
 * one TaskManager with 2 slots, on 127.0.0.1) runs before the tests of a class, by calling {@code
 * runners-config/scripts/flink-cluster.sh start}.
 *
 * <pre>{@code
 * @ExtendWith(LocalFlinkCluster.class)
 * class CountsOnFlinkTest {
 *   @Test
 *   void countsOnTheCluster(LocalFlinkCluster flink) {
 *     // ./tributary ... --profile=flink-cluster --flinkMaster=flink.masterAddress()
 *   }
 * }
 * }</pre>
 *
 * <p>or {@code @RegisterExtension static final LocalFlinkCluster FLINK = LocalFlinkCluster.create();}
 * to use {@link #masterAddress()} from fields and {@code @BeforeAll} methods.
 *
 * <p>The cluster is started at most once per test run, shared by every class that uses the
 * extension, and stopped at the end only if this extension started it; with {@code CI=true} a
 * cluster that cannot start fails the tests, else they are skipped with the reason ({@link
 * LocalCluster}). The first start fetches the Flink jars with Maven; the logs are in {@code
 * runners-config/flink-cluster/run/log/}.
 */
public final class LocalFlinkCluster extends LocalCluster {

  /** The host and port of the cluster's REST endpoint, as {@code --flinkMaster} wants it. */
  public static final String MASTER_ADDRESS = "127.0.0.1:8081";

  /** Where, relative to the repository root, the start/stop script lives. */
  static final String SCRIPT = "runners-config/scripts/flink-cluster.sh";

  /** Creates the extension, for {@code @RegisterExtension}. */
  public static LocalFlinkCluster create() {
    return new LocalFlinkCluster();
  }

  // JUnit instantiates the extension reflectively for @ExtendWith.
  private LocalFlinkCluster() {}

  /** The value for {@code --flinkMaster}: {@value #MASTER_ADDRESS}. */
  public String masterAddress() {
    return MASTER_ADDRESS;
  }

  /** The web UI and REST API, e.g. {@code webUrl() + "/overview"}. */
  public String webUrl() {
    return "http://" + MASTER_ADDRESS;
  }

  @Override
  String script() {
    return SCRIPT;
  }

  @Override
  String name() {
    return "Flink";
  }

  /** Walks up from {@code start} to the first folder that holds {@value #SCRIPT}. */
  static Optional<Path> findScript(Path start) {
    return findScript(start, SCRIPT);
  }
}
