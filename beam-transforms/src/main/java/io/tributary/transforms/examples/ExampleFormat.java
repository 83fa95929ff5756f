package io.tributary.transforms.examples;

import java.util.Locale;

/** The on-disk format of examples: Avro (default) or Parquet. */
public enum ExampleFormat {
  AVRO(".avro"),
  PARQUET(".parquet");

  private final String suffix;

  ExampleFormat(String suffix) {
    this.suffix = suffix;
  }

  public String suffix() {
    return suffix;
  }

  public static ExampleFormat parse(String text) {
    switch (text.toLowerCase(Locale.ROOT)) {
      case "avro":
        return AVRO;
      case "parquet":
        return PARQUET;
      default:
        throw new IllegalArgumentException(
            "unknown example format '" + text + "': use avro or parquet");
    }
  }
}
