package io.tributary.jobs.options;

import io.tributary.transforms.transform.SpecException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;

/**
 * Reads a JSON or YAML config file given as an option, by the file's extension; every problem is
 * a {@link UsageException} naming the option or the file, and the line when there is one: {@code
 * transform.yaml:7: unknown op 'zscore' in features[0].steps[1]; did you mean 'zScore'? ...}. The
 * standalone commands and {@code tributary run} (before its first step) read configs through
 * here, so both say the same.
 *
 * <pre>{@code
 * EvalConfig config = ConfigFile.read(Path.of("evaluation.yaml"), "--config", EvalConfig::fromJson, EvalConfig::fromYaml);
 * }</pre>
 */
public final class ConfigFile {

  private ConfigFile() {}

  public static <T> T read(Path file, String option, Function<String, T> fromJson, Function<String, T> fromYaml) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    boolean json = name.endsWith(".json");
    if (!json && !name.endsWith(".yaml") && !name.endsWith(".yml")) {
      throw new UsageException(option + "=" + file + ": name a .json, .yaml or .yml file");
    }
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new UsageException("cannot read " + option + "=" + file + ": " + e.getMessage());
    }
    try {
      return json ? fromJson.apply(text) : fromYaml.apply(text);
    } catch (SpecException e) {
      throw new UsageException(e.at(file.toString()));
    } catch (IllegalArgumentException e) {
      throw new UsageException(file + ": " + e.getMessage());
    }
  }
}
