package io.tributary.runners;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Loads runner profiles: a profile is a set of Beam pipeline options, written as a properties file
 * ({@code runner=FlinkRunner}, {@code parallelism=2}), and turns into {@code --name=value}
 * arguments.
 *
 * <pre>{@code
 * List<String> args = RunnerProfiles.load("flink-local", Map.of());
 * // [--flinkMaster=[local], --parallelism=2, --runner=FlinkRunner]
 * }</pre>
 *
 * <p>A profile is one of the built-in names ({@link #BUILT_IN}) or the path of a properties file of
 * one's own. Values may refer to {@code ${name}} variables supplied by the caller, such as {@code
 * ${tributary.jar}}, the jar a cluster must be sent, and {@code ${tributary.jar.link}}, a jar of a
 * few hundred bytes that makes a local cluster load a shared copy of it ({@link ClusterJar}). Keys that start with {@code flinkConf.} are
 * Flink configuration, not pipeline options: they are written to a {@code config.yaml} that the
 * profile passes as {@code --flinkConfDir} (see {@link FlinkConfiguration}); keys that start with
 * {@code sparkConf.} set Spark's {@code spark.*} system properties of this JVM.
 */
public final class RunnerProfiles {

  public static final List<String> BUILT_IN =
      List.of("direct", "flink-local", "flink-cluster", "spark-local", "spark-cluster");

  public static final String DEFAULT = "direct";

  /** The variable a caller sets to the jar the job runs from. */
  public static final String JAR_VARIABLE = "tributary.jar";

  /**
   * Variables derived from {@value #JAR_VARIABLE} ({@link ClusterJar}): a checksum-named copy of
   * it shared by every job on this machine, and a jar of a few hundred bytes that links to that
   * copy, so that a local cluster gets the big jar once per build rather than once per job.
   */
  public static final String SHARED_VARIABLE = "tributary.jar.shared";

  public static final String LINK_VARIABLE = "tributary.jar.link";

  /**
   * The prefix of profile keys that are Spark configuration: Beam's Spark runner has no option
   * for it, but Spark reads {@code spark.*} system properties when the job creates its context.
   */
  public static final String SPARK_CONF_PREFIX = "sparkConf.";

  private RunnerProfiles() {}

  public static List<String> load(String profile, Map<String, String> variables) {
    Properties properties = new Properties();
    try (Reader reader = open(profile)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read profile '" + profile + "': " + e.getMessage(), e);
    }
    List<String> args = new ArrayList<>();
    Map<String, String> flinkConf = new TreeMap<>();
    for (String name : new TreeSet<>(properties.stringPropertyNames())) {
      String value = substitute(profile, properties.getProperty(name).strip(), variables);
      if (name.startsWith(SPARK_CONF_PREFIX)) {
        // A -D the user gave the JVM wins, as options on the command line do.
        String key = name.substring(SPARK_CONF_PREFIX.length());
        if (System.getProperty(key) == null) {
          System.setProperty(key, value);
        }
      } else if (name.startsWith(FlinkConfiguration.PREFIX)) {
        flinkConf.put(name.substring(FlinkConfiguration.PREFIX.length()), value);
      } else {
        args.add("--" + name + "=" + value);
      }
    }
    if (!flinkConf.isEmpty()) {
      if (properties.containsKey("flinkConfDir")) {
        throw new IllegalArgumentException("profile '" + profile + "' sets both flinkConfDir and "
            + FlinkConfiguration.PREFIX + "* lines: put the settings in one place");
      }
      Path directory = new FlinkConfiguration(flinkConf).directory(Path.of(System.getProperty("java.io.tmpdir")));
      args.add("--flinkConfDir=" + directory);
    }
    return args;
  }

  private static Reader open(String profile) throws IOException {
    Path file = Path.of(profile);
    if (profile.endsWith(".properties") && Files.isRegularFile(file)) {
      return Files.newBufferedReader(file, StandardCharsets.UTF_8);
    }
    InputStream builtIn =
        RunnerProfiles.class.getResourceAsStream("profiles/" + profile + ".properties");
    if (builtIn == null) {
      throw new IllegalArgumentException(
          "unknown profile '" + profile + "': use one of " + BUILT_IN
              + " or the path of a .properties file of pipeline options");
    }
    return new java.io.InputStreamReader(builtIn, StandardCharsets.UTF_8);
  }

  private static String derived(String name, Map<String, String> variables) {
    String jar = variables.get(JAR_VARIABLE);
    if (jar == null || !(name.equals(SHARED_VARIABLE) || name.equals(LINK_VARIABLE))) {
      return variables.get(name);
    }
    ClusterJar shared = ClusterJar.share(Path.of(jar), ClusterJar.defaultFolder());
    return (name.equals(SHARED_VARIABLE) ? shared.copy() : shared.link()).toString();
  }

  private static String substitute(String profile, String value, Map<String, String> variables) {
    String result = value;
    int start;
    while ((start = result.indexOf("${")) >= 0) {
      int end = result.indexOf('}', start);
      if (end < 0) {
        throw new IllegalArgumentException("profile '" + profile + "' has an unclosed ${ in " + value);
      }
      String name = result.substring(start + 2, end);
      String replacement = derived(name, variables);
      if (replacement == null) {
        throw new IllegalArgumentException(
            "profile '" + profile + "' needs ${" + name + "}, which is not known here"
                + (name.startsWith(JAR_VARIABLE) ? ": run the job from the shaded jar (./tributary)" : ""));
      }
      result = result.substring(0, start) + replacement + result.substring(end + 1);
    }
    return result;
  }
}
