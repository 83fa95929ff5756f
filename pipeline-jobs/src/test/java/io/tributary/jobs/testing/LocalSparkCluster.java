package io.tributary.jobs.testing;

/**
 * A JUnit 5 extension that makes sure the real local Spark 3.5 standalone cluster (one Master, one
 * Worker with 2 cores, on 127.0.0.1) runs before the tests of a class, by calling {@code
 * runners-config/scripts/spark-cluster.sh start}.
 *
 * <pre>{@code
 * @ExtendWith(LocalSparkCluster.class)
 * class CountsOnSparkTest {
 *   @Test
 *   void countsOnTheCluster(LocalSparkCluster spark) {
 *     // ./tributary ... --profile=spark-cluster --sparkMaster=spark.masterUrl()
 *   }
 * }
 * }</pre>
 *
 * <p>The cluster is started at most once per test run, shared by every class that uses the
 * extension, and stopped at the end only if this extension started it; with {@code CI=true} a
 * cluster that cannot start fails the tests, else they are skipped with the reason ({@link
 * LocalCluster}). The first start fetches the Spark jars with Maven; the logs are in {@code
 * runners-config/spark-cluster/run/log/}, each executor's in {@code run/work/}.
 */
public final class LocalSparkCluster extends LocalCluster {

  /** The Master, as {@code --sparkMaster} wants it. */
  public static final String MASTER_URL = "spark://127.0.0.1:7077";

  /** Where, relative to the repository root, the start/stop script lives. */
  static final String SCRIPT = "runners-config/scripts/spark-cluster.sh";

  // JUnit instantiates the extension reflectively for @ExtendWith.
  private LocalSparkCluster() {}

  /** The value for {@code --sparkMaster}: {@value #MASTER_URL}. */
  public String masterUrl() {
    return MASTER_URL;
  }

  /** The Master's web UI; {@code webUrl() + "/json/"} is its state as JSON. */
  public String webUrl() {
    return "http://127.0.0.1:8080";
  }

  @Override
  String script() {
    return SCRIPT;
  }

  @Override
  String name() {
    return "Spark";
  }
}
