package io.tributary.jobs.transform;

import io.tributary.jobs.options.UsageException;
import io.tributary.transforms.examples.ColumnNames;
import io.tributary.transforms.transform.TransformSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Reads {@code --spec}: JSON or YAML by the file's extension; every problem is a {@link UsageException}. */
final class TransformSpecFile {

  private TransformSpecFile() {}

  static TransformSpec read(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    boolean json = name.endsWith(".json");
    if (!json && !name.endsWith(".yaml") && !name.endsWith(".yml")) {
      throw new UsageException("--spec=" + file + ": name a .json, .yaml or .yml file");
    }
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new UsageException("cannot read --spec=" + file + ": " + e.getMessage());
    }
    try {
      return json ? TransformSpec.fromJson(text) : TransformSpec.fromYaml(text);
    } catch (IllegalArgumentException e) {
      throw new UsageException(file.getFileName() + ": " + e.getMessage());
    }
  }

  /**
   * The spec with its columns named by field name: a spec may name a column as the user knows it
   * ({@code Culmen Length (mm)}) or by its field name ({@code Culmen_Length__mm_}).
   */
  static TransformSpec resolve(TransformSpec spec, ColumnNames names, Path file) {
    try {
      return spec.resolve(names);
    } catch (IllegalArgumentException e) {
      throw new UsageException(file.getFileName() + ": " + e.getMessage());
    }
  }
}
