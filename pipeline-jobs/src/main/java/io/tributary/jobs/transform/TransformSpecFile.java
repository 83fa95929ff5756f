package io.tributary.jobs.transform;

import io.tributary.jobs.options.ConfigFile;
import io.tributary.jobs.options.UsageException;
import io.tributary.transforms.examples.ColumnNames;
import io.tributary.transforms.transform.TransformSpec;
import java.nio.file.Path;

/** Reads {@code --spec}: JSON or YAML by the file's extension; every problem is a {@link UsageException}. */
public final class TransformSpecFile {

  private TransformSpecFile() {}

  /** The spec in {@code file}; a mistake is one line, {@code file:line: what to fix}. */
  public static TransformSpec read(Path file) {
    return ConfigFile.read(file, "--spec", TransformSpec::fromJson, TransformSpec::fromYaml);
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
