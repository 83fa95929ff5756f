package io.tributary.transforms.examples;

/**
 * Whether Parquet can be read and written here. Beam's Parquet IO and Hadoop are optional
 * dependencies of this library (a Beam project that never touches Parquet does not carry them), so
 * a Parquet input or output checks for them while the pipeline is built, instead of failing later
 * with a {@code NoClassDefFoundError}.
 */
public final class ParquetSupport {
  private static final String[] REQUIRED = {
    "org.apache.beam.sdk.io.parquet.ParquetIO", "org.apache.hadoop.conf.Configuration"
  };

  private ParquetSupport() {}

  /**
   * Returns normally if Parquet's classes are on the classpath.
   *
   * @param use what needs Parquet, named in the message, e.g. {@code "Input.parquet"}
   * @throws IllegalStateException naming the dependencies to add, if they are missing
   */
  public static void require(String use) {
    for (String className : REQUIRED) {
      try {
        Class.forName(className, false, ParquetSupport.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(
            use
                + " needs Parquet support, which is optional: add org.apache.beam:beam-sdks-java-io-parquet,"
                + " org.apache.hadoop:hadoop-client-api and org.apache.hadoop:hadoop-client-runtime"
                + " (versions in io.tributary:tributary-bom); " + className + " is not on the classpath");
      }
    }
  }
}
