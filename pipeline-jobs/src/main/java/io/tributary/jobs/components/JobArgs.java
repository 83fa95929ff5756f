package io.tributary.jobs.components;

import java.io.IOException;
import java.nio.file.Files;
import io.tributary.jobs.options.OptionsHelp;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Turns a component's parameters into its job's command line, so a component and its CLI command
 * take the same options: a string becomes {@code --name=value}, a list repeats the option, and
 * path parameters are resolved against the pipeline file's folder.
 */
final class JobArgs {

  private final List<String> args = new ArrayList<>();

  static JobArgs from(ComponentContext context, Set<String> pathParameters) {
    JobArgs job = new JobArgs();
    context.parameters().forEach((name, value) -> {
      List<?> values = value instanceof List ? (List<?>) value : List.of(value);
      for (Object item : values) {
        String text = String.valueOf(item);
        job.args.add("--" + name + "=" + (pathParameters.contains(name) ? resolve(context.baseDir(), text) : text));
      }
    });
    return job;
  }

  JobArgs with(String name, Object value) {
    args.add("--" + name + "=" + value);
    return this;
  }

  String[] plus(List<String> runnerArgs) {
    List<String> all = new ArrayList<>(args);
    all.addAll(runnerArgs);
    return all.toArray(String[]::new);
  }

  /** A relative local path is relative to the pipeline file; {@code name=path} resolves the path. */
  static String resolve(Path base, String value) {
    int equals = value.indexOf('=');
    if (equals > 0 && !value.substring(0, equals).contains("/")) {
      return value.substring(0, equals + 1) + resolve(base, value.substring(equals + 1));
    }
    if (value.contains("://") || Path.of(value).isAbsolute()) {
      return value;
    }
    return base.resolve(value).normalize().toString();
  }

  /**
   * The SHA-256 of the file a path parameter names, for {@link Component#externalFingerprint}:
   * the path alone is already in the parameters, but editing the file must re-run the component.
   */
  static String fileFingerprint(ComponentContext context, String parameter) throws IOException {
    Path file = Path.of(resolve(context.baseDir(), String.valueOf(context.parameters().get(parameter))));
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /**
   * A component's parameters: its job's options (name to help text, from the options interface),
   * but those the driver sets itself (inputs, outputs, the runner profile).
   */
  static Map<String, String> parametersOf(Class<? extends PipelineOptions> options, Set<String> setByDriver) {
    Map<String, String> parameters = new java.util.LinkedHashMap<>(OptionsHelp.describe(options));
    setByDriver.forEach(parameters::remove);
    return parameters;
  }

  /** An ordered name-to-artifact-type map: {@code ports("examples", "Examples", "model", "Model")}. */
  static Map<String, String> ports(String... namesAndTypes) {
    Map<String, String> ports = new java.util.LinkedHashMap<>();
    for (int i = 0; i < namesAndTypes.length; i += 2) {
      ports.put(namesAndTypes[i], namesAndTypes[i + 1]);
    }
    return ports;
  }

  static Map<String, Object> properties(Object... keysAndValues) {
    Map<String, Object> properties = new java.util.LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (keysAndValues[i + 1] != null) {
        properties.put((String) keysAndValues[i], keysAndValues[i + 1]);
      }
    }
    return properties;
  }
}
