package io.tributary.transforms.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.hdfs.HadoopFileSystemOptions;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A real HDFS for tests: a JUnit 5 extension that starts one Hadoop {@link MiniDFSCluster} (a
 * namenode and a datanode, both on 127.0.0.1 with ephemeral ports, storage in a temp folder) in
 * the test JVM, once per test run, and shuts it down when the run ends.
 *
 * <pre>{@code
 * @ExtendWith(LocalHdfs.class)
 * class MyTest {
 *   @Test
 *   void writes(LocalHdfs.Cluster hdfs) {
 *     String folder = hdfs.newFolder("stats");   // hdfs://127.0.0.1:PORT/stats-1, not yet created
 *     ...
 *   }
 * }
 * }</pre>
 *
 * <p>Before each test, Beam's {@link FileSystems} are registered with the cluster's configuration
 * (a pipeline run re-registers them with its own options, which is why {@link
 * Cluster#configure(PipelineOptions)} exists for pipelines, and {@link Cluster#register()} for
 * after one). If the cluster cannot start, the
 * tests fail when the environment variable {@code CI} is {@code true}, and are aborted (reported
 * as skipped) with the reason otherwise.
 */
public final class LocalHdfs implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

  @Override
  public void beforeAll(ExtensionContext context) {
    Start start = start(context);
    if (start.failure != null) {
      String message = "The local HDFS (MiniDFSCluster) could not start: " + start.failure;
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        Assertions.fail(message, start.failure);
      }
      System.err.println("LocalHdfs: skipping " + context.getDisplayName() + ". " + message);
      Assumptions.abort(message + " (tests skipped; with CI=true they fail)");
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    start(context).cluster.register();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Cluster.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return start(context).cluster;
  }

  /** The run's one start; the root store closes the cluster when the test run ends. */
  private static Start start(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(ExtensionContext.Namespace.create(LocalHdfs.class))
        .getOrComputeIfAbsent(Start.class, type -> Start.attempt(), Start.class);
  }

  /** A started cluster, or why it did not start. */
  private static final class Start implements ExtensionContext.Store.CloseableResource {
    private final Cluster cluster;
    private final Throwable failure;

    private Start(Cluster cluster, Throwable failure) {
      this.cluster = cluster;
      this.failure = failure;
    }

    static Start attempt() {
      try {
        return new Start(Cluster.start(), null);
      } catch (IOException | RuntimeException e) {
        return new Start(null, e);
      }
    }

    @Override
    public void close() {
      if (cluster != null) {
        cluster.shutdown();
      }
    }
  }

  /** The running cluster: its address, and what Beam needs to reach it. */
  public static final class Cluster {
    private final MiniDFSCluster dfs;
    private final String root;
    private final AtomicInteger folders = new AtomicInteger();

    private Cluster(MiniDFSCluster dfs) {
      this.dfs = dfs;
      this.root = "hdfs://127.0.0.1:" + dfs.getNameNodePort();
    }

    static Cluster start() throws IOException {
      Path base = Files.createTempDirectory("tributary-hdfs-");
      Configuration conf = new Configuration();
      conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.toString());
      // One datanode: a block has one replica, and closing a file does not wait for a second.
      conf.setInt("dfs.replication", 1);
      conf.set("dfs.namenode.http-address", "127.0.0.1:0");
      MiniDFSCluster dfs =
          new MiniDFSCluster.Builder(conf).numDataNodes(1).nameNodePort(0).format(true).build();
      dfs.waitActive();
      return new Cluster(dfs);
    }

    /** {@code hdfs://127.0.0.1:PORT}, without a trailing slash. */
    public String root() {
      return root;
    }

    /** A new folder name under the root, unique in this run (not created). */
    public String newFolder(String name) {
      return root + "/" + name + "-" + folders.incrementAndGet();
    }

    /** A copy of the client configuration ({@code fs.defaultFS} is this cluster). */
    public Configuration configuration() {
      Configuration conf = new Configuration(dfs.getConfiguration(0));
      conf.set("fs.defaultFS", root);
      return conf;
    }

    /**
     * Registers Beam's {@link FileSystems} with this cluster, as before each test: again after a
     * pipeline whose options lack it ran in this JVM (a run re-registers them with its own).
     */
    public void register() {
      FileSystems.setDefaultPipelineOptions(configure(PipelineOptionsFactory.create()));
    }

    /** Sets {@code options}' HDFS configuration to this cluster's; returns them. */
    public <T extends PipelineOptions> T configure(T options) {
      options.as(HadoopFileSystemOptions.class).setHdfsConfiguration(List.of(configuration()));
      return options;
    }

    /** Whether {@code uri} names a file or folder that exists on the cluster. */
    public boolean exists(String uri) {
      try {
        return dfs.getFileSystem().exists(new org.apache.hadoop.fs.Path(uri));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Names of the entries of folder {@code uri}, sorted. */
    public List<String> list(String uri) {
      try {
        return Arrays.stream(dfs.getFileSystem().listStatus(new org.apache.hadoop.fs.Path(uri)))
            .map(status -> status.getPath().getName())
            .sorted()
            .toList();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Stops the namenode and datanode and deletes their storage (the temp folder). */
    private void shutdown() {
      dfs.shutdown(true);
    }
  }
}
