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
 * ${tributary.jar}}, the jar a cluster must be sent. Keys that start with {@code flinkConf.} are
 * Flink configuration, not pipeline options: they are written to a {@code config.yaml} that the
 * profile passes as {@code --flinkConfDir} (see {@link FlinkConfiguration}).
 */
public final class RunnerProfiles {

  public static final List<String> BUILT_IN =
      List.of("direct", "flink-local", "flink-cluster", "spark-local");

  public static final String DEFAULT = "direct";

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
      if (name.startsWith(FlinkConfiguration.PREFIX)) {
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

  private static String substitute(String profile, String value, Map<String, String> variables) {
    String result = value;
    int start;
    while ((start = result.indexOf("${")) >= 0) {
      int end = result.indexOf('}', start);
      if (end < 0) {
        throw new IllegalArgumentException("profile '" + profile + "' has an unclosed ${ in " + value);
      }
      String name = result.substring(start + 2, end);
      String replacement = variables.get(name);
      if (replacement == null) {
        throw new IllegalArgumentException(
            "profile '" + profile + "' needs ${" + name + "}, which is not known here"
                + (name.equals("tributary.jar") ? ": run the job from the shaded jar (./tributary)" : ""));
      }
      result = result.substring(0, start) + replacement + result.substring(end + 1);
    }
    return result;
  }
}
