package io.tributary.jobs.options;

import io.tributary.jobs.execution.EmbeddedFlinkCluster;
import io.tributary.runners.RunnerProfiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * Turns a job's command line into its options: the runner profile's options first, then the
 * user's, which win; Beam's strict parsing rejects unknown options, and its messages are rewritten
 * into one line that names the fix. A job for Beam's embedded Flink cluster is routed to the one
 * this JVM shares ({@link EmbeddedFlinkCluster}).
 *
 * <pre>{@code
 * ExampleGenOptions options =
 *     JobArguments.parse(new String[] {"--input=a.csv", "--output=out", "--profile=flink-local"},
 *         ExampleGenOptions.class);
 * }</pre>
 */
public final class JobArguments {

  private static final Pattern UNKNOWN =
      Pattern.compile("(?s).*missing a property named '([^']+)'\\.?(.*)");
  private static final Pattern REQUIRED =
      Pattern.compile("(?s)Missing required value for \\[(--[^,]+), \"(.*)\"\\]\\.?");

  private JobArguments() {}

  public static <T extends TributaryOptions> T parse(String[] args, Class<T> type) {
    List<String> given = List.of(args);
    for (String arg : given) {
      if (!arg.startsWith("--")) {
        throw new UsageException(
            "'" + arg + "' is not an option: options are written --name=value");
      }
    }
    String profile = RunnerProfiles.DEFAULT;
    Set<String> named = new HashSet<>();
    for (String arg : given) {
      named.add(nameOf(arg));
      if (nameOf(arg).equals("profile")) {
        profile = arg.substring(arg.indexOf('=') + 1);
      }
    }
    List<String> merged = new ArrayList<>();
    try {
      for (String option : RunnerProfiles.load(profile, variables())) {
        if (!named.contains(nameOf(option))) {
          merged.add(option);
        }
      }
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    merged.addAll(given);
    PipelineOptionsFactory.register(type);
    try {
      T options = PipelineOptionsFactory.fromArgs(merged.toArray(String[]::new)).withValidation().as(type);
      EmbeddedFlinkCluster.adopt(options, options.getShareEmbeddedFlinkCluster());
      return options;
    } catch (IllegalArgumentException e) {
      throw new UsageException(rewrite(e.getMessage()));
    }
  }

  private static String nameOf(String arg) {
    int equals = arg.indexOf('=');
    return arg.substring(2, equals < 0 ? arg.length() : equals);
  }

  /** Variables profiles may use: the jar this code runs from, which a cluster must be sent. */
  private static Map<String, String> variables() {
    String env = System.getenv("TRIBUTARY_JAR");
    if (env != null && !env.isBlank()) {
      return Map.of("tributary.jar", env);
    }
    try {
      Path self = Path.of(JobArguments.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return self.toString().endsWith(".jar") ? Map.of("tributary.jar", self.toString()) : Map.of();
    } catch (Exception unknown) {
      return Map.of();
    }
  }

  static String rewrite(String message) {
    if (message == null) {
      return "invalid options";
    }
    message = message.strip();
    Matcher unknown = UNKNOWN.matcher(message);
    if (unknown.matches()) {
      return "unknown option --" + unknown.group(1) + unknown.group(2).replace('\n', ' ').stripTrailing();
    }
    Matcher required = REQUIRED.matcher(message);
    if (required.matches()) {
      return required.group(1) + " is required: " + required.group(2);
    }
    return message.replace('\n', ' ');
  }
}
