package io.tributary.jobs.execution;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.runners.flink.FlinkRunner;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.flink.api.dag.Pipeline;
import org.apache.flink.client.deployment.executors.PipelineExecutorUtils;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.PipelineExecutor;
import org.apache.flink.core.execution.PipelineExecutorFactory;
import org.apache.flink.core.execution.PipelineExecutorServiceLoader;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.runtime.minicluster.MiniClusterJobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One embedded Flink cluster for every job this JVM runs with {@code --flinkMaster=[local]},
 * started by the first and stopped when the JVM exits (or once {@code main} has returned and no
 * job runs), instead of Beam's new mini-cluster per job.
 *
 * <p>Why: starting and stopping a mini-cluster costs about a second a job on two cores, a quarter
 * of a million-row BulkInferrer run, and the pipeline driver runs a dozen jobs. Most of it is Flink
 * loading its RPC system into a fresh class loader each time, so that code never gets compiled.
 * The shared cluster pays that once; a job then costs its translation, scheduling and the work.
 *
 * <p>How: {@link #adopt} turns {@code [local]} into Beam's {@code [auto]}, for which Beam asks
 * Flink for the context environment, and installs a context whose executor submits the job graph
 * to this cluster. The cluster takes its settings from the job's {@code --flinkConfDir} (the
 * profile's {@code flinkConf.*} lines) as Beam's local environment does, binds its REST endpoint
 * to 127.0.0.1 on a free port, and has {@code taskmanager.numberOfTaskSlots} slots, or as many as
 * the first job's parallelism. Batch jobs with a higher parallelism still run, a few workers at a
 * time. Every job of the JVM shares the settings of the first: once a context is installed, Flink
 * refuses a cluster per job, so a later job with other settings is warned and runs on this one,
 * and {@code --shareEmbeddedFlinkCluster=false} (Beam's cluster per job) must be given to every
 * job or none. Jobs on Flink's legacy DataSet API ({@code --useDataStreamForBatch=false}) still
 * get a cluster each: Beam treats {@code [auto]} as {@code [local]} for them.
 */
public final class EmbeddedFlinkCluster {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedFlinkCluster.class);

  /** Beam's name for the per-job embedded cluster, and for "ask the context". */
  static final String LOCAL = "[local]";
  static final String CONTEXT = "[auto]";

  /** The executor name the context's jobs carry, which only {@link Executors} answers to. */
  private static final String TARGET = "tributary-embedded";

  /** Beam sizes a local cluster's managed memory as this share of the free heap, as we do. */
  private static final ConfigOption<String> MANAGED_MEMORY_SIZE =
      ConfigOptions.key("taskmanager.memory.managed.size").stringType().noDefaultValue();

  private static final ConfigOption<Boolean> CHECK_LEAKED_CLASSLOADER =
      ConfigOptions.key("classloader.check-leaked-classloader").booleanType().defaultValue(true);

  private static Configuration profileSettings;
  private static MiniCluster cluster;
  private static int slots;
  private static int jobsRunning;
  private static boolean stopsOnExit;
  private static int starts;
  private static int submissions;

  private EmbeddedFlinkCluster() {}

  /**
   * Routes a job that asks for Beam's per-job embedded cluster to this JVM's shared one, unless
   * {@code share} is false; leaves every other job's options as they are. Called once options are
   * parsed, before the pipeline runs; starts nothing (the first job submitted starts the cluster).
   *
   * @throws IllegalArgumentException if {@code share} is false but an earlier job of this JVM
   *     already shares the cluster: Flink allows no cluster per job in a JVM that has one shared
   */
  public static void adopt(PipelineOptions options, boolean share) {
    if (options.getRunner() != FlinkRunner.class) {
      return;
    }
    FlinkPipelineOptions flink = options.as(FlinkPipelineOptions.class);
    if (!LOCAL.equals(flink.getFlinkMaster())) {
      return;
    }
    if (share) {
      install(flink.getFlinkConfDir());
      flink.setFlinkMaster(CONTEXT);
    } else if (installed()) {
      throw new IllegalArgumentException("--shareEmbeddedFlinkCluster=false comes after a job of this JVM"
          + " already shares the embedded Flink cluster: give it to every job (the driver's command line)");
    }
  }

  private static synchronized boolean installed() {
    return profileSettings != null;
  }

  /** Fixes the cluster's settings to the first adopted job's; a later job with others is told. */
  private static synchronized void install(String flinkConfDir) {
    Configuration wanted = flinkConfDir == null ? new Configuration() : GlobalConfiguration.loadConfiguration(flinkConfDir);
    if (profileSettings == null) {
      profileSettings = wanted;
      ContextEnvironment.install();
    } else if (!profileSettings.equals(wanted)) {
      LOG.warn("this job's Flink settings ({}) differ from those of the embedded cluster this JVM's jobs"
          + " share, which it runs on: {}", flinkConfDir, profileSettings);
    }
  }

  /** Submits a job graph, starting the cluster first if it is not running; counts the job until it ends. */
  private static CompletableFuture<JobClient> submit(JobGraph job, ClassLoader classLoader) throws Exception {
    MiniCluster running = started(job.getMaximumParallelism());
    return running.submitJob(job)
        .whenComplete((submitted, failed) -> {
          if (failed != null) {
            finished();
          } else {
            running.requestJobResult(submitted.getJobID()).whenComplete((result, lost) -> finished());
          }
        })
        .thenApply(submitted -> new MiniClusterJobClient(
            submitted.getJobID(), running, classLoader, MiniClusterJobClient.JobFinalizationBehavior.NOTHING));
  }

  /** The running cluster, started if there is none, with one more job counted on it. */
  private static synchronized MiniCluster started(int parallelism) throws Exception {
    if (cluster == null) {
      Configuration settings = clusterSettings(profileSettings, parallelism);
      slots = settings.get(TaskManagerOptions.NUM_TASK_SLOTS);
      MiniCluster starting = new MiniCluster(new MiniClusterConfiguration.Builder()
          .setConfiguration(settings).setNumTaskManagers(1).setNumSlotsPerTaskManager(slots).build());
      starting.start();
      cluster = starting;
      starts++;
      LOG.info("started the embedded Flink cluster with {} task slots, shared by this JVM's jobs", slots);
      if (!stopsOnExit) {
        stopsOnExit = true;
        Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedFlinkCluster::stop, "tributary-flink-stop"));
        stopWhenMainEnds();
      }
    } else if (parallelism > slots) {
      LOG.warn("a job with parallelism {} runs on the embedded Flink cluster's {} task slots: its workers"
          + " take turns (set flinkConf.taskmanager.numberOfTaskSlots in the profile)", parallelism, slots);
    }
    jobsRunning++;
    submissions++;
    return cluster;
  }

  /** How many times this JVM started the cluster, and how many jobs it submitted to it. */
  static synchronized int[] startsAndSubmissions() {
    return new int[] {starts, submissions};
  }

  private static synchronized void finished() {
    jobsRunning--;
    EmbeddedFlinkCluster.class.notifyAll();
  }

  /**
   * The cluster's threads are not daemons, so a program whose {@code main} returns would never
   * end; a daemon thread stops the cluster once {@code main} has returned and its jobs are done.
   * (A job submitted later, from another thread, starts a new cluster.)
   */
  private static void stopWhenMainEnds() {
    Thread main = Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("main") && t.getThreadGroup() != null && t.getThreadGroup().getName().equals("main"))
        .findFirst().orElse(null);
    if (main == null) {
      return;
    }
    Thread watcher = new Thread(() -> {
      try {
        main.join();
        synchronized (EmbeddedFlinkCluster.class) {
          while (jobsRunning > 0) {
            EmbeddedFlinkCluster.class.wait();
          }
        }
        stop();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "tributary-flink-stop-after-main");
    watcher.setDaemon(true);
    watcher.start();
  }

  private static void stop() {
    MiniCluster stopping;
    synchronized (EmbeddedFlinkCluster.class) {
      stopping = cluster;
      cluster = null;
    }
    if (stopping == null) {
      return;
    }
    try {
      // Outside the lock: stopping completes the futures of running jobs, which count themselves out.
      stopping.closeAsync().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn("the embedded Flink cluster did not stop cleanly: {}", e.toString());
    }
  }

  /** The profile's settings with what a cluster inside a user's JVM needs on top. */
  static Configuration clusterSettings(Configuration profile, int parallelism) {
    Configuration settings = new Configuration(profile);
    if (!settings.contains(TaskManagerOptions.NUM_TASK_SLOTS)) {
      settings.set(TaskManagerOptions.NUM_TASK_SLOTS, Math.max(1, parallelism));
    }
    if (!settings.contains(MANAGED_MEMORY_SIZE)) {
      Runtime jvm = Runtime.getRuntime();
      long freeHeap = jvm.maxMemory() - jvm.totalMemory() + jvm.freeMemory();
      float share = settings.get(TaskManagerOptions.MANAGED_MEMORY_FRACTION);
      settings.set(MANAGED_MEMORY_SIZE, String.valueOf((long) (freeHeap * share)));
    }
    if (!settings.contains(CHECK_LEAKED_CLASSLOADER)) {
      // Jobs share this JVM's class loader; a finished job's loader is not a leak to report.
      settings.set(CHECK_LEAKED_CLASSLOADER, false);
    }
    if (!settings.contains(RestOptions.BIND_PORT)) {
      settings.set(RestOptions.BIND_PORT, "0");
    }
    if (!settings.contains(RestOptions.BIND_ADDRESS)) {
      settings.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
    }
    return settings;
  }


  /**
   * The environment Flink hands out for {@code [auto]} in this JVM: Beam configures it as any other
   * and executes it; its jobs go to {@link #submit}. Installing a context is protected in Flink, for
   * environments to do, hence the subclass.
   */
  private static final class ContextEnvironment extends StreamExecutionEnvironment {

    private ContextEnvironment(Configuration jobSettings) {
      super(new Executors(), jobSettings, EmbeddedFlinkCluster.class.getClassLoader());
    }

    static void install() {
      initializeContextEnvironment(ignored -> new ContextEnvironment(jobSettings()));
    }

    /** The profile's settings, and Flink's word that the caller waits for the job's result. */
    private static Configuration jobSettings() {
      Configuration settings;
      synchronized (EmbeddedFlinkCluster.class) {
        settings = new Configuration(profileSettings);
      }
      settings.set(DeploymentOptions.TARGET, TARGET);
      settings.set(DeploymentOptions.ATTACHED, true);
      if (!settings.contains(CoreOptions.DEFAULT_PARALLELISM)) {
        settings.set(CoreOptions.DEFAULT_PARALLELISM, Runtime.getRuntime().availableProcessors());
      }
      return settings;
    }
  }

  /** The one executor of the context's jobs: translate to a job graph, submit to the cluster. */
  private static final class Executors implements PipelineExecutorServiceLoader, PipelineExecutorFactory {

    @Override
    public PipelineExecutorFactory getExecutorFactory(Configuration settings) {
      return this;
    }

    @Override
    public Stream<String> getExecutorNames() {
      return Stream.of(TARGET);
    }

    @Override
    public String getName() {
      return TARGET;
    }

    @Override
    public boolean isCompatibleWith(Configuration settings) {
      return TARGET.equals(settings.get(DeploymentOptions.TARGET));
    }

    @Override
    public PipelineExecutor getExecutor(Configuration settings) {
      return (Pipeline pipeline, Configuration jobSettings, ClassLoader classLoader) ->
          submit(PipelineExecutorUtils.getJobGraph(pipeline, jobSettings, classLoader), classLoader);
    }
  }
}
