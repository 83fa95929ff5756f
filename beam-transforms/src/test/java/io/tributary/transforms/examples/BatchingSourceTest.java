package io.tributary.transforms.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import org.apache.beam.sdk.extensions.avro.io.AvroSource;
import org.apache.beam.sdk.io.BoundedSource;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.SourceTestUtils;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchingSourceTest {

  private static final org.apache.avro.Schema AVRO =
      SchemaBuilder.record("Example").fields().requiredLong("id").optionalString("name").endRecord();

  private final PipelineOptions options = PipelineOptionsFactory.create();

  @TempDir Path dir;

  /** Writes ids {@code from} (inclusive) to {@code to} (exclusive) into one Avro file, small blocks. */
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

  /** The files as Avro records, split down to a kilobyte (by default no split is under 128 KB). */
  private AvroSource<GenericRecord> avro() {
    return AvroSource.from(dir.resolve("data-*.avro").toString()).withSchema(AVRO).withMinBundleSize(1_024);
  }

  private static List<Long> ids(List<List<GenericRecord>> batches) {
    List<Long> ids = new ArrayList<>();
    batches.forEach(batch -> batch.forEach(record -> ids.add((Long) record.get("id"))));
    return ids;
  }

  @Test
  void handsOnEveryRecordInFullListsAndOneShorterLast() throws Exception {
    write("data-0.avro", 0, 2_500);
    List<List<GenericRecord>> batches = SourceTestUtils.readFromSource(new BatchingSource<>(avro(), 1_000), options);
    assertEquals(List.of(1_000, 1_000, 500), batches.stream().map(List::size).toList());
    assertEquals(LongStream.range(0, 2_500).boxed().toList(), ids(batches));
    assertEquals(SourceTestUtils.readFromSource(avro(), options), batches.stream().flatMap(List::stream).toList());
  }

  @Test
  void splitsLikeTheSourceItWrapsButFinerAndLosesNoRecordAcrossSplits() throws Exception {
    write("data-0.avro", 0, 30_000);
    write("data-1.avro", 30_000, 42_000);
    BatchingSource<GenericRecord> batching = new BatchingSource<>(avro(), 64);
    List<? extends BoundedSource<List<GenericRecord>>> splits = batching.split(50_000, options);
    assertEquals(avro().split(50_000 / BatchingSource.SPLITS_PER_BUNDLE, options).size(), splits.size());
    assertTrue(splits.size() > avro().split(50_000, options).size(), "finer than asked: " + splits.size());
    List<Long> ids = new ArrayList<>();
    for (BoundedSource<List<GenericRecord>> split : splits) {
      List<List<GenericRecord>> batches = SourceTestUtils.readFromSource(split, options);
      assertTrue(batches.stream().allMatch(batch -> !batch.isEmpty() && batch.size() <= 64));
      ids.addAll(ids(batches));
    }
    ids.sort(null);
    assertEquals(LongStream.range(0, 42_000).boxed().toList(), ids);
    assertEquals(avro().getEstimatedSizeBytes(options), batching.getEstimatedSizeBytes(options));
  }

  /** A runner asking for a split per worker gets several, so that workers can even out. */
  @Test
  void aSplitPerWorkerBecomesSeveral() throws Exception {
    write("data-0.avro", 0, 20_000);
    write("data-1.avro", 20_000, 40_000);
    long perWorker = avro().getEstimatedSizeBytes(options) / 2;
    assertEquals(2, avro().split(perWorker, options).size(), "the Avro source alone gives a split per file");
    assertTrue(new BatchingSource<>(avro(), 64).split(perWorker, options).size() >= 2 * BatchingSource.SPLITS_PER_BUNDLE);
  }

  /** The DirectRunner checkpoints reads by splitting them while they run: nothing may be lost or read twice. */
  @Test
  void aDynamicSplitKeepsEveryRecordOnExactlyOneSide() throws Exception {
    write("data-0.avro", 0, 20_000);
    List<Long> ids = new ArrayList<>();
    try (BoundedSource.BoundedReader<List<GenericRecord>> reader =
        new BatchingSource<>(avro(), 100).createReader(options)) {
      assertTrue(reader.start());
      ids.addAll(ids(List.of(reader.getCurrent())));
      assertTrue(reader.advance());
      ids.addAll(ids(List.of(reader.getCurrent())));
      BoundedSource<List<GenericRecord>> residual = reader.splitAtFraction(0.5);
      assertTrue(residual != null, "an Avro file of many blocks splits half-way");
      while (reader.advance()) {
        ids.addAll(ids(List.of(reader.getCurrent())));
      }
      assertTrue(ids.size() < 20_000, "the reader stopped at the split point: " + ids.size());
      ids.addAll(ids(SourceTestUtils.readFromSource(residual, options)));
    }
    ids.sort(null);
    assertEquals(LongStream.range(0, 20_000).boxed().toList(), ids);
  }

  @Test
  void anEmptyFileReadsAsNoBatches() throws Exception {
    write("data-0.avro", 0, 0);
    assertEquals(List.of(), SourceTestUtils.readFromSource(new BatchingSource<>(avro(), 10), options));
  }

  @Test
  void batchesRoundTripThroughTheirCoder() throws Exception {
    write("data-0.avro", 0, 30);
    BatchingSource<GenericRecord> batching = new BatchingSource<>(avro(), 16);
    Coder<List<GenericRecord>> coder = batching.getOutputCoder();
    for (List<GenericRecord> batch : SourceTestUtils.readFromSource(batching, options)) {
      assertEquals(batch, CoderUtils.decodeFromByteArray(coder, CoderUtils.encodeToByteArray(coder, batch)));
    }
  }

  @Test
  void aBatchSizeBelowOneIsRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new BatchingSource<>(avro(), 0));
    assertEquals("batchSize must be at least 1, not 0", e.getMessage());
  }
}
