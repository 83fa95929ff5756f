package io.tributary.transforms.examplegen;

import io.tributary.transforms.deadletter.DeadLetter;
import io.tributary.transforms.examples.ExampleFormat;
import io.tributary.transforms.examples.ExamplesIO;
import io.tributary.transforms.examples.ParquetSupport;
import io.tributary.transforms.examples.PublishShards;
import io.tributary.transforms.examples.ShardFile;
import io.tributary.transforms.examples.SplitShardWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * {@link ExampleGen} that writes each split's files as it reads, made by {@link
 * ExampleGen#writeTo}: the rows never become elements of a {@code PCollection}.
 *
 * <pre>{@code
 * WrittenExamples written =
 *     pipeline.apply(ExampleGen.from(Input.csv("big/*.csv")).writeTo("out/examples"));
 * // out/examples/Split-train/data-00000-of-00012.avro ..., out/examples/Split-eval/...
 * }</pre>
 *
 * <p><b>Why.</b> Each range of the input is parsed by one call that writes rows to its split's
 * open data file, closed at {@link #withShardBytes} bytes (default {@value #DEFAULT_SHARD_BYTES})
 * or at the end of the bundle; only file names and dead letters are handed on. Memory is then
 * bounded on every runner, the DirectRunner included (which keeps a step's whole output in memory,
 * and whose file sinks group every row by shard), and no runner pays for moving rows between
 * steps. Once all files are written they are renamed into their split folders and each folder
 * gets its schema ({@link PublishShards}); a failed attempt's files are never published. Counters
 * and dead letters are those of {@link ExampleGen}.
 */
public final class WriteExamples extends PTransform<PBegin, WrittenExamples> {

  /** Bytes after which a data file is closed and the next begun. */
  public static final long DEFAULT_SHARD_BYTES = 128L << 20;

  private final ExampleGen examplegen;
  private final String folder;
  private final ExampleFormat format;
  private final long shardBytes;

  private WriteExamples(ExampleGen examplegen, String folder, ExampleFormat format, long shardBytes) {
    this.examplegen = examplegen;
    this.folder = folder;
    this.format = format;
    this.shardBytes = shardBytes;
  }

  static WriteExamples of(ExampleGen examplegen, String folder) {
    if (folder == null || folder.isBlank()) {
      throw new IllegalArgumentException("writeTo() needs the examples folder to write to");
    }
    return new WriteExamples(examplegen, folder, ExampleFormat.AVRO, DEFAULT_SHARD_BYTES);
  }

  public WriteExamples withFormat(ExampleFormat newFormat) {
    if (newFormat == null) {
      throw new IllegalArgumentException("withFormat(null): use AVRO or PARQUET");
    }
    return new WriteExamples(examplegen, folder, newFormat, shardBytes);
  }

  /** Closes a data file once it holds this many bytes; larger inputs then give more files. */
  public WriteExamples withShardBytes(long bytes) {
    if (bytes < 1) {
      throw new IllegalArgumentException("withShardBytes(" + bytes + "): give a positive size, e.g. 128 MiB");
    }
    return new WriteExamples(examplegen, folder, format, bytes);
  }

  @Override
  public WrittenExamples expand(PBegin begin) {
    if (format == ExampleFormat.PARQUET) {
      ParquetSupport.require("ExampleGen writing Parquet");
    }
    ExampleGen.Plan plan = examplegen.plan();
    Schema schema = plan.provenance().schema();
    org.apache.avro.Schema avro = plan.provenance().columnNames().annotate(ExamplesIO.avroSchema(schema));
    SplitShardWriter.Config config =
        new SplitShardWriter.Config(
            folder.replaceAll("/+$", "") + "/.shards-" + UUID.randomUUID(),
            examplegen.splitNames(),
            format,
            avro.toString(),
            shardBytes);
    List<PCollection<ShardFile>> files = new ArrayList<>();
    List<PCollection<Row>> errors = new ArrayList<>();
    plan.inputs().forEach(
        (name, input) -> {
          String step = name.isEmpty() ? "Read" : "Read/" + name;
          FileParser parser = ExampleGen.parserFor(input);
          PCollectionTuple written =
              ExampleGen.open(begin, step, input)
                  .apply(step + "/Ranges", new PlanRanges(parser, schema, input.input().rangeBytes()))
                  .apply(
                      step + "/ParseAndWrite",
                      ParDo.of(new WriteRangesFn(parser, schema, examplegen.assignment(name, schema), config))
                          .withOutputTags(WriteRangesFn.FILES, TupleTagList.of(WriteRangesFn.DEAD_LETTERS)));
          files.add(written.get(WriteRangesFn.FILES).setCoder(SerializableCoder.of(ShardFile.class)));
          errors.add(written.get(WriteRangesFn.DEAD_LETTERS).setRowSchema(DeadLetter.SCHEMA));
        });
    PCollection<ShardFile> published =
        PCollectionList.of(files)
            .apply("AllFiles", Flatten.pCollections())
            .apply("Publish", new PublishShards(folder, config))
            .setCoder(SerializableCoder.of(ShardFile.class));
    PCollection<Row> deadLetters =
        PCollectionList.of(errors).apply("DeadLetters", Flatten.pCollections()).setRowSchema(DeadLetter.SCHEMA);
    return new WrittenExamples(published, deadLetters, examplegen.splitNames(), plan.provenance());
  }
}
