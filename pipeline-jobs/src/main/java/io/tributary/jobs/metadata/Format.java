package io.tributary.jobs.metadata;

import java.util.Arrays;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Output formats: a readable table, JSON for scripts, and Graphviz DOT for lineage graphs. */
enum Format {
  TEXT,
  JSON,
  DOT;

  /** Accepts {@code text}, {@code json}, {@code dot} in any case. */
  static final class Converter implements ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      try {
        return Format.valueOf(value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(
            "unknown format '" + value + "': use one of "
                + Arrays.toString(values()).toLowerCase(Locale.ROOT));
      }
    }
  }
}
