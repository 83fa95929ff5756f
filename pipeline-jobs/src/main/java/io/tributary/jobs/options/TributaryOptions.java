package io.tributary.jobs.options;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Options every Tributary job takes besides Beam's own. */
public interface TributaryOptions extends PipelineOptions {

  @Description(
      "Runner profile: direct (default), flink-local, flink-cluster, spark-local, or the path of a"
          + " .properties file of pipeline options. Options given on the command line win over"
          + " the profile's.")
  @Default.String("direct")
  String getProfile();

  void setProfile(String profile);

  @Description(
      "With --runner=FlinkRunner --flinkMaster=[local] (the flink-local profile): run this JVM's jobs"
          + " on one embedded Flink cluster, started by the first job and stopped when the JVM exits,"
          + " instead of starting and stopping a cluster for each job (about 1 s each). false gives"
          + " each job a cluster of its own, as Beam does.")
  @Default.Boolean(true)
  boolean getShareEmbeddedFlinkCluster();

  void setShareEmbeddedFlinkCluster(boolean share);
}
