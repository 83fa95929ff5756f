package io.tributary.transforms.examplegen;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.values.Row;

/**
 * The first rows of an input, read in this thread before any pipeline exists, with the schema
 * ExampleGen would infer and ExampleGen's own parsers: what a tool that writes a pipeline for a
 * new dataset ({@code tributary init}) looks at.
 *
 * <pre>{@code
 * InputSample sample = InputSample.read(Input.of("data/cars.json"), 10_000);
 * Schema schema = sample.inferred().schema();   // as ExampleGen infers it
 * for (Row row : sample.rows()) { ... }         // the first rows, in file order
 * }</pre>
 *
 * @param inferred the schema ExampleGen infers for this input (from its first {@link
 *     Input#inferenceSampleRows()} records)
 * @param rows the first rows that fit the schema, in sorted file order, at most the number asked for
 * @param deadLetters how many records among those read would be dead letters
 */
public record InputSample(InferredSchema inferred, List<Row> rows, long deadLetters) {

  public InputSample {
    rows = List.copyOf(rows);
  }

  /**
   * Reads up to {@code maxRows} rows of the input.
   *
   * @throws IllegalArgumentException when nothing matches the input or no schema can be inferred
   * @throws UncheckedIOException when a file cannot be read
   */
  public static InputSample read(Input input, int maxRows) {
    if (maxRows < 1) {
      throw new IllegalArgumentException("maxRows is " + maxRows + ": read at least 1 row");
    }
    InputRows reader = InputRows.of(input);
    List<Row> rows = new ArrayList<>();
    long deadLetters = reader.forEach(maxRows, rows::add);
    return new InputSample(reader.inferred(), rows, deadLetters);
  }

  /** The field name ExampleGen gives a column: {@code "IMDB Rating"} is {@code IMDB_Rating}. */
  public static String fieldName(String column) {
    return FieldNames.sanitize(column);
  }
}
