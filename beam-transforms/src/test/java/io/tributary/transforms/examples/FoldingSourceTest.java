package io.tributary.transforms.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.extensions.avro.io.AvroSource;
import org.apache.beam.sdk.io.BoundedSource;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.SourceTestUtils;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every record is folded exactly once, however the source is split. */
class FoldingSourceTest {
  private static final org.apache.avro.Schema AVRO =
      SchemaBuilder.record("Example").fields().requiredLong("id").optionalString("name").endRecord();

  private final PipelineOptions options = PipelineOptionsFactory.create();

  @TempDir Path dir;

  /** Collects the ids it is given, so that a lost or repeated record shows. */
  private static final class IdsFn extends Combine.CombineFn<Row, List<Long>, List<Long>> {
    @Override
    public List<Long> createAccumulator() {
      return new ArrayList<>();
    }

    @Override
    public List<Long> addInput(List<Long> ids, Row row) {
      ids.add(row.getInt64("id"));
      return ids;
    }

    @Override
    public List<Long> mergeAccumulators(Iterable<List<Long>> accumulators) {
      List<Long> all = new ArrayList<>();
      accumulators.forEach(all::addAll);
      return all;
    }

    @Override
    public List<Long> extractOutput(List<Long> ids) {
      return ids;
    }

    @Override
    public Coder<List<Long>> getAccumulatorCoder(CoderRegistry registry, Coder<Row> inputCoder) {
      return ListCoder.of(VarLongCoder.of());
    }
  }

  private void write(String name, long from, long to) throws Exception {
    try (DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<GenericRecord>(AVRO))) {
      writer.setSyncInterval(2_048);
      writer.create(AVRO, new File(dir.resolve(name).toString()));
      for (long id = from; id < to; id++) {
        GenericRecord record = new GenericData.Record(AVRO);
        record.put("id", id);
        record.put("name", id % 7 == 0 ? null : "n" + id);
        writer.append(record);
      }
    }
  }

  private FoldingSource<List<Long>> folding() {
    AvroSource<GenericRecord> avro =
        AvroSource.from(dir.resolve("data-*.avro").toString()).withSchema(AVRO).withMinBundleSize(1_024);
    return new FoldingSource<>(avro, ExamplesIO.recordToRow(AVRO), new IdsFn(), ListCoder.of(VarLongCoder.of()));
  }

  private static List<Long> sorted(List<List<Long>> accumulators) {
    List<Long> ids = new ArrayList<>();
    accumulators.forEach(ids::addAll);
    ids.sort(null);
    return ids;
  }

  @Test
  void eachSplitFoldsItsRecordsIntoOneElementAndNoRecordIsLostOrRepeated() throws Exception {
    write("data-0.avro", 0, 30_000);
    write("data-1.avro", 30_000, 42_000);
    List<Long> all = LongStream.range(0, 42_000).boxed().toList();
    for (long size : new long[] {1, 5_000, 50_000, 1L << 30}) {
      List<List<Long>> accumulators = new ArrayList<>();
      List<? extends BoundedSource<List<Long>>> splits = folding().split(size, options);
      for (BoundedSource<List<Long>> split : splits) {
        List<List<Long>> read = SourceTestUtils.readFromSource(split, options);
        assertEquals(1, read.size(), "one accumulator per split");
        accumulators.addAll(read);
      }
      assertTrue(splits.size() >= 2, "two files give two splits at least");
      assertTrue(splits.size() <= FoldingSource.MAX_SPLITS, splits.size() + " splits for " + size + " bytes");
      assertEquals(all, sorted(accumulators), "split for " + size + " bytes");
    }
  }

  /** A folder of many files, as ExampleGen writes on the DirectRunner: still at most MAX_SPLITS accumulators. */
  @Test
  void manyFilesFoldIntoAtMostMaxSplitsAccumulators() throws Exception {
    for (int file = 0; file < 150; file++) {
      write(String.format("data-%03d.avro", file), file * 100L, file * 100L + 100);
    }
    List<? extends BoundedSource<List<Long>>> splits = folding().split(1L << 30, options);
    assertEquals(FoldingSource.MAX_SPLITS, splits.size());
    List<List<Long>> accumulators = new ArrayList<>();
    for (BoundedSource<List<Long>> split : splits) {
      accumulators.addAll(SourceTestUtils.readFromSource(split, options));
    }
    assertEquals(FoldingSource.MAX_SPLITS, accumulators.size());
    assertEquals(LongStream.range(0, 15_000).boxed().toList(), sorted(accumulators));
  }

  /** The reader of {@link #dynamicSplitsAreRefused}, and what it answered when asked to split. */
  private static BoundedSource.BoundedReader<List<Long>> splitting;
  private static final List<Object> answers = new ArrayList<>();

  /**
   * The DirectRunner asks a reader for dynamic splits from another thread while it reads, again and
   * again; each residual would be one more accumulator held until the merge. Asked in the middle of
   * its fold (here from inside it), the reader refuses, and its one element covers every record.
   */
  @Test
  void dynamicSplitsAreRefused() throws Exception {
    write("data-0.avro", 0, 20_000);
    SerializableFunction<GenericRecord, Row> toRow = ExamplesIO.recordToRow(AVRO);
    SerializableFunction<GenericRecord, Row> askingToSplit =
        record -> {
          if ((Long) record.get("id") == 10_000L) {
            answers.add(splitting.splitAtFraction(0.9));
          }
          return toRow.apply(record);
        };
    BoundedSource<List<Long>> file =
        new FoldingSource<>(
                AvroSource.from(dir.resolve("data-*.avro").toString()).withSchema(AVRO),
                askingToSplit,
                new IdsFn(),
                ListCoder.of(VarLongCoder.of()))
            .split(1L << 30, options)
            .get(0);
    try (BoundedSource.BoundedReader<List<Long>> reader = file.createReader(options)) {
      splitting = reader;
      assertTrue(reader.start());
      assertEquals(java.util.Arrays.asList((Object) null), answers, "the split asked for mid-fold");
      assertNull(reader.splitAtFraction(0.5), "nothing is left to split off");
      assertEquals(LongStream.range(0, 20_000).boxed().toList(), sorted(List.of(reader.getCurrent())));
      assertFalse(reader.advance());
    }
  }
}
