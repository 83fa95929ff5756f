package io.tributary.transforms.examplegen;

import java.util.Locale;

/**
 * The file formats ExampleGen reads. {@link #JSON_LINES} is JSON: each file is JSON lines, or one
 * JSON array of records when its first non-blank character is {@code [} ({@link JsonFileParser}).
 */
public enum InputFormat {
  CSV,
  JSON_LINES,
  AVRO,
  PARQUET;

  /**
   * The format a file name implies: {@code .csv}/{@code .tsv}, {@code .json}/{@code .jsonl}/
   * {@code .ndjson}, {@code .avro}, {@code .parquet}, optionally followed by {@code .gz},
   * {@code .bz2}, {@code .zst} or {@code .deflate} for the text formats.
   *
   * @throws IllegalArgumentException naming the option that sets the format explicitly
   */
  public static InputFormat fromFileName(String name) {
    String lower = name.toLowerCase(Locale.ROOT).replaceAll("\\.(gz|bz2|zst|deflate)$", "");
    if (lower.endsWith(".csv") || lower.endsWith(".tsv") || lower.endsWith(".txt")) {
      return CSV;
    }
    if (lower.endsWith(".json") || lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
      return JSON_LINES;
    }
    if (lower.endsWith(".avro")) {
      return AVRO;
    }
    if (lower.endsWith(".parquet")) {
      return PARQUET;
    }
    throw new IllegalArgumentException(
        "cannot tell the format of '" + name + "' from its extension: set it explicitly"
            + " (csv, json, avro or parquet)");
  }

  /**
   * Parses {@code csv}, {@code json}/{@code jsonl} (JSON lines or a JSON array, told apart per
   * file by content), {@code avro} or {@code parquet}.
   */
  public static InputFormat parse(String text) {
    switch (text.toLowerCase(Locale.ROOT)) {
      case "csv":
      case "tsv":
        return CSV;
      case "json":
      case "jsonl":
      case "json_lines":
      case "ndjson":
        return JSON_LINES;
      case "avro":
        return AVRO;
      case "parquet":
        return PARQUET;
      default:
        throw new IllegalArgumentException(
            "unknown input format '" + text + "': use csv, json, avro or parquet");
    }
  }

  boolean isText() {
    return this == CSV || this == JSON_LINES;
  }
}
