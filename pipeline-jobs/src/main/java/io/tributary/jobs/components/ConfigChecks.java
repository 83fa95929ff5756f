package io.tributary.jobs.components;

import io.tributary.jobs.examplegen.ExampleSplits;
import io.tributary.jobs.options.UsageException;
import io.tributary.transforms.examples.ExamplesIO;
import io.tributary.transforms.train.TrainerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.beam.sdk.extensions.avro.schemas.utils.AvroUtils;
import org.apache.beam.sdk.schemas.Schema;

/**
 * What the components' {@link Component#validate} and {@link Component#validateInputs} share: the
 * file a parameter names, the schema of an examples artifact, and the checks of a trainer config
 * against it.
 */
final class ConfigChecks {

  private ConfigChecks() {}

  /**
   * The file parameter {@code name} names, resolved against the pipeline's folder; null when the
   * parameter is not set. Fails naming the parameter when the file does not exist.
   */
  static Path file(Map<String, Object> parameters, Path baseDir, String name) {
    Object value = parameters.get(name);
    if (value == null) {
      return null;
    }
    Path file = Path.of(JobArgs.resolve(baseDir, String.valueOf(value)));
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("'" + name + ": " + value + "' names no file (looked for " + file
          + "): give the path relative to the pipeline file");
    }
    return file;
  }

  /** The columns of an examples artifact (its first split's schema file), or null when it has none. */
  static Schema examplesSchema(Path examples) {
    if (examples == null) {
      return null;
    }
    List<String> splits = ExampleSplits.of(examples);
    if (splits.isEmpty()) {
      return null;
    }
    return AvroUtils.toBeamSchema(ExamplesIO.readAvroSchema(ExampleSplits.folder(examples, splits.get(0)).toString()));
  }

  /**
   * The label of {@code config} must be a column of the examples and its type must decide the
   * task, or the config must say it: checked on the raw columns, which the transform passes the
   * label through unchanged.
   */
  static void checkLabel(TrainerConfig config, Path configFile, Schema examples) {
    if (examples == null) {
      return;
    }
    try {
      config.taskOf(examples);
    } catch (IllegalArgumentException e) {
      throw new UsageException(configFile + lineOf(configFile, "label") + ": " + e.getMessage());
    }
  }

  /** {@code ":7"} for the first line that sets top-level {@code key} in a YAML or JSON file, else {@code ""}. */
  private static String lineOf(Path file, String key) {
    Pattern setsKey = Pattern.compile("^\\s{0,2}\"?" + Pattern.quote(key) + "\"?\\s*:.*");
    try {
      List<String> lines = Files.readAllLines(file);
      for (int i = 0; i < lines.size(); i++) {
        if (setsKey.matcher(lines.get(i)).matches()) {
          return ":" + (i + 1);
        }
      }
    } catch (IOException unreadable) {
      // Already read once; without the line the message still names the file.
    }
    return "";
  }
}
