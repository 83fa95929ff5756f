package io.tributary.jobs.artifacts;

import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.hdfs.HadoopFileSystemOptions;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.hadoop.conf.Configuration;

/**
 * The file systems a job reaches from the launching JVM: registers Beam's {@link FileSystems} with
 * the job's options (so {@code hdfs://} inputs are matched and artifacts read and written before
 * and after the pipeline runs), and keeps their Hadoop configuration for {@link Folders}.
 *
 * <p>The Hadoop configuration is {@code --hdfsConfiguration=[{"fs.defaultFS":"hdfs://nn:8020"}]}
 * when given, else read from {@code $HADOOP_CONF_DIR} (Beam's default: its {@code core-site.xml}
 * and {@code hdfs-site.xml}); with neither, Beam registers no {@code hdfs} scheme.
 */
public final class JobFileSystems {

  private static volatile Configuration hadoop;

  private JobFileSystems() {}

  /** Call once as a job starts, with its options (or {@code PipelineOptionsFactory.create()}). */
  public static void register(PipelineOptions options) {
    FileSystems.setDefaultPipelineOptions(options);
    List<Configuration> configurations = options.as(HadoopFileSystemOptions.class).getHdfsConfiguration();
    hadoop = configurations == null || configurations.isEmpty() ? null : configurations.get(0);
  }

  /**
   * Hadoop's defaults with the configuration registered last laid over them: one given as {@code
   * --hdfsConfiguration} holds only what it names (Beam builds it without defaults), and {@code
   * FileContext} needs the defaults' {@code fs.AbstractFileSystem.hdfs.impl}.
   */
  static Configuration hadoopConfiguration() {
    Configuration merged = new Configuration();
    Configuration registered = hadoop;
    if (registered != null) {
      registered.forEach(entry -> merged.set(entry.getKey(), entry.getValue()));
    }
    return merged;
  }

  /**
   * {@code message} with the fix added when it is Beam's "No filesystem found for scheme hdfs"
   * (no Hadoop configuration was given); any other message unchanged.
   */
  public static String explain(String message) {
    if (message == null || !message.matches("No filesystem found for scheme (hdfs|webhdfs)")) {
      return message;
    }
    return message + ": give the cluster's Hadoop configuration, with HADOOP_CONF_DIR=<folder of its core-site.xml>"
        + " or, for a Beam job, --hdfsConfiguration=[{\"fs.defaultFS\":\"hdfs://NAMENODE:PORT\"}]";
  }
}
