package io.tributary.transforms.examplegen;

import io.tributary.transforms.transform.Bounds;
import java.io.Serializable;

/**
 * Where ExampleGen reads from: a file pattern, its format and how to read it.
 *
 * <pre>{@code
 * Input.csv("data/penguins.csv");
 * Input.of("logs/span-{SPAN}/part-*.json");            // format from the extension
 * Input.csv("in/{YYYY}-{MM}-{DD}/*.csv").withSpan(20411); // one named span (days since 1970-01-01)
 * Input.csv("in/*.tsv").withCsvFormat(CsvFormat.defaults().withDelimiter('\t'));
 * }</pre>
 *
 * <p>The pattern is a Beam file pattern (a path or glob, on any registered file system) that may
 * hold TFX-style span and version placeholders: {@code {SPAN}}, {@code {SPAN:n}} (n digits),
 * {@code {VERSION}}, {@code {VERSION:n}}, or a date {@code {YYYY}}, {@code {MM}}, {@code {DD}}
 * (whose span is its day number since 1970-01-01). By default the latest span and, within it, the
 * latest version are read; {@link #withSpan} and {@link #withVersion} name others.
 *
 * <p>When no schema is declared, the schema of CSV and JSON-lines input is inferred from up to
 * {@link #inferenceSampleRows()} records (default 10,000), read from the matched files in sorted
 * order before the pipeline runs; see {@link ExampleGen}.
 */
public record Input(
    String pattern,
    InputFormat format,
    CsvFormat csvFormat,
    Long span,
    Long version,
    int inferenceSampleRows,
    long rangeBytes)
    implements Serializable {

  public static final int DEFAULT_INFERENCE_SAMPLE_ROWS = 10_000;

  /** The largest schema-inference sample: it is read by one thread before the job starts. */
  public static final int MAX_INFERENCE_SAMPLE_ROWS = 10_000_000;

  /** How many bytes of a text file one worker parses at a time, by default: see {@link #withRangeBytes}. */
  public static final long DEFAULT_RANGE_BYTES = 8L << 20;

  /** The smallest range: below it, per-range costs outweigh the parsing. */
  public static final long MIN_RANGE_BYTES = 1L << 10;

  /** The largest range: a range's rows are the output of one DoFn call. */
  public static final long MAX_RANGE_BYTES = 1L << 30;

  public Input {
    if (pattern == null || pattern.isBlank()) {
      throw new IllegalArgumentException("the input pattern is empty: name the files to read");
    }
    if (format == null) {
      throw new IllegalArgumentException("the input format is missing");
    }
    if (inferenceSampleRows < 1) {
      throw new IllegalArgumentException(
          "inferenceSampleRows is " + inferenceSampleRows + ": it must be at least 1");
    }
    Bounds.atMost("inferenceSampleRows", inferenceSampleRows, MAX_INFERENCE_SAMPLE_ROWS,
        "the sample is read by one thread before the job starts");
    if (rangeBytes < MIN_RANGE_BYTES || rangeBytes > MAX_RANGE_BYTES) {
      throw new IllegalArgumentException(
          "rangeBytes is " + rangeBytes + ": give between " + MIN_RANGE_BYTES + " and "
              + MAX_RANGE_BYTES + " bytes (default " + DEFAULT_RANGE_BYTES + ")");
    }
    if (span != null && span < 0) {
      throw new IllegalArgumentException("span " + span + " is negative");
    }
    if (version != null && version < 0) {
      throw new IllegalArgumentException("version " + version + " is negative");
    }
  }

  /** Reads {@code pattern} in the format its extension names. */
  public static Input of(String pattern) {
    return of(pattern, InputFormat.fromFileName(pattern));
  }

  public static Input of(String pattern, InputFormat format) {
    return new Input(pattern, format, CsvFormat.defaults(), null, null, DEFAULT_INFERENCE_SAMPLE_ROWS,
        DEFAULT_RANGE_BYTES);
  }

  public static Input csv(String pattern) {
    return of(pattern, InputFormat.CSV);
  }

  public static Input jsonLines(String pattern) {
    return of(pattern, InputFormat.JSON_LINES);
  }

  public static Input avro(String pattern) {
    return of(pattern, InputFormat.AVRO);
  }

  public static Input parquet(String pattern) {
    return of(pattern, InputFormat.PARQUET);
  }

  public Input withCsvFormat(CsvFormat newFormat) {
    if (format != InputFormat.CSV) {
      throw new IllegalArgumentException(
          "withCsvFormat() applies to CSV input only, but '" + pattern + "' is " + format);
    }
    return new Input(pattern, format, newFormat, span, version, inferenceSampleRows, rangeBytes);
  }

  /** Reads this span instead of the latest; the pattern must hold a span placeholder. */
  public Input withSpan(long newSpan) {
    return new Input(pattern, format, csvFormat, newSpan, version, inferenceSampleRows, rangeBytes);
  }

  /** Reads this version instead of the latest; the pattern must hold {@code {VERSION}}. */
  public Input withVersion(long newVersion) {
    return new Input(pattern, format, csvFormat, span, newVersion, inferenceSampleRows, rangeBytes);
  }

  /**
   * Matches the pattern now: the exact files, span and version this input would read. Fails, as
   * ExampleGen does, when nothing matches or the named span or version does not exist.
   */
  public ResolvedInput resolve() {
    return InputResolver.resolve(this);
  }

  public Input withInferenceSampleRows(int rows) {
    return new Input(pattern, format, csvFormat, span, version, rows, rangeBytes);
  }

  /**
   * How many bytes of an uncompressed CSV or JSON-lines file one worker parses at a time (default
   * 8 MiB): a file is cut into ranges of about this size, each starting where a record starts, and
   * the ranges are parsed in parallel. A range's rows are one DoFn call's output, so a smaller
   * range bounds the reader's memory more tightly; a larger one costs less per byte. Between 1 KiB
   * and 1 GiB.
   */
  public Input withRangeBytes(long bytes) {
    return new Input(pattern, format, csvFormat, span, version, inferenceSampleRows, bytes);
  }
}
