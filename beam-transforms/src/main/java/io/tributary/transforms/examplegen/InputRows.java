package io.tributary.transforms.examplegen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;
import org.apache.beam.sdk.values.Row;

/**
 * An input read in this thread, file after file in sorted order, with the schema ExampleGen would
 * infer and ExampleGen's own parsers, without a pipeline: what {@link InputSample} reads its first
 * rows with, and what a single-threaded baseline that races ExampleGen reads every row with (the
 * ingest benchmark of {@code samples/bench/ingest.sh}).
 *
 * <pre>{@code
 * InputRows input = InputRows.of(Input.csv("data/big.csv"));
 * Schema schema = input.inferred().schema();
 * long deadLetters = input.forEach(Long.MAX_VALUE, row -> writer.append(row));
 * }</pre>
 */
public final class InputRows {

  private final Input input;
  private final ResolvedInput resolved;
  private final InferredSchema inferred;

  private InputRows(Input input, ResolvedInput resolved, InferredSchema inferred) {
    this.input = input;
    this.resolved = resolved;
    this.inferred = inferred;
  }

  /**
   * Matches the input's files and infers its schema, as ExampleGen does when a pipeline is built.
   *
   * @throws IllegalArgumentException when nothing matches the input or no schema can be inferred
   */
  public static InputRows of(Input input) {
    ResolvedInput resolved = InputResolver.resolve(input);
    return new InputRows(input, resolved, SchemaInference.infer(List.of(resolved)));
  }

  /** The schema ExampleGen infers for this input (from its first {@link Input#inferenceSampleRows()} records). */
  public InferredSchema inferred() {
    return inferred;
  }

  /**
   * Hands the rows that fit the schema to {@code rows}, in file order, and stops once {@code
   * maxRows} were handed on and another record is read.
   *
   * @return how many of the records read were dead letters
   * @throws UncheckedIOException when a file cannot be read
   */
  public long forEach(long maxRows, Consumer<Row> rows) {
    FileParser parser = ExampleGen.parserFor(input);
    long[] counts = {0, 0}; // rows, dead letters
    ParsedRecords sink =
        new ParsedRecords() {
          @Override
          public void row(Row row) {
            if (counts[0] >= maxRows) {
              throw new Enough();
            }
            counts[0]++;
            rows.accept(row);
          }

          @Override
          public void deadLetter(Long line, String raw, String reason) {
            counts[1]++;
          }
        };
    for (String path : resolved.files()) {
      try {
        parser.parse(SourceFile.named(path), inferred.schema(), sink);
      } catch (Enough enough) {
        break;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
      }
    }
    return counts[1];
  }

  /** Stops a parser once enough rows are read; never escapes {@link #forEach}. */
  private static final class Enough extends RuntimeException {
    Enough() {
      super(null, null, false, false);
    }
  }
}
