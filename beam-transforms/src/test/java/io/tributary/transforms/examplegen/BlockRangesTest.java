package io.tributary.transforms.examplegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Avro read by blocks and Parquet by row groups, in ranges of any size: the records (and record
 * numbers) of one sequential read, the truncated-file dead letter included.
 */
class BlockRangesTest {

  private static final org.apache.avro.Schema AVRO =
      SchemaBuilder.record("Reading").fields().requiredLong("id").optionalString("name").endRecord();
  private static final Schema SCHEMA =
      Schema.builder().addField("id", FieldType.INT64).addNullableField("name", FieldType.STRING).build();

  @TempDir Path dir;

  private static GenericRecord record(long id) {
    GenericRecord record = new GenericData.Record(AVRO);
    record.put("id", id);
    record.put("name", id % 7 == 0 ? null : "reading " + id);
    return record;
  }

  private Path writeAvro(String name, int records, Random random) throws IOException {
    Path path = dir.resolve(name);
    try (DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<GenericRecord>(AVRO))) {
      writer.create(AVRO, path.toFile());
      for (long id = 0; id < records; id++) {
        writer.append(record(id));
        if (random.nextInt(40) == 0) {
          writer.sync();
        }
      }
    }
    return path;
  }

  /** Reads every planned range, in a random order, after checking that they cover the file. */
  private static List<String> inRanges(RangedFileParser parser, SourceFile file, long size, long rangeBytes, Random random)
      throws IOException {
    List<FileRange> ranges = new ArrayList<>(parser.plan(file, SCHEMA, size, rangeBytes));
    assertEquals(0, ranges.get(0).from());
    for (int i = 1; i < ranges.size(); i++) {
      assertEquals(ranges.get(i - 1).to(), ranges.get(i).from(), ranges.toString());
    }
    assertEquals(size, ranges.get(ranges.size() - 1).to());
    RecordsAsText out = new RecordsAsText();
    while (!ranges.isEmpty()) {
      parser.read(file, SCHEMA, ranges.remove(random.nextInt(ranges.size())), out);
    }
    return out.records;
  }

  private static List<String> sequential(RangedFileParser parser, SourceFile file) throws IOException {
    RecordsAsText out = new RecordsAsText();
    parser.parse(file, SCHEMA, out);
    return out.records;
  }

  private static void assertSameRecords(List<String> expected, List<String> actual, String what) {
    List<String> a = new ArrayList<>(expected);
    List<String> b = new ArrayList<>(actual);
    a.sort(null);
    b.sort(null);
    assertEquals(a, b, what);
  }

  @Test
  void avroInRangesOfAnySizeReadsLikeOneSequentialRead() throws IOException {
    Random random = new Random(3);
    AvroFileParser parser = new AvroFileParser();
    for (int trial = 0; trial < 20; trial++) {
      Path path = writeAvro("t" + trial + ".avro", 200 + random.nextInt(800), random);
      long size = Files.size(path);
      SourceFile file = SourceFile.named(path.toString());
      long rangeBytes = 1 + random.nextInt((int) size);
      assertSameRecords(sequential(parser, file), inRanges(parser, file, size, rangeBytes, random),
          "trial " + trial + ", ranges of " + rangeBytes + " bytes");
    }
  }

  @Test
  void aTruncatedAvroFileInRangesEndsWithTheSameDeadLetter() throws IOException {
    Random random = new Random(4);
    AvroFileParser parser = new AvroFileParser();
    Path path = writeAvro("cut.avro", 1000, random);
    try (RandomAccessFile cut = new RandomAccessFile(path.toFile(), "rw")) {
      cut.setLength(cut.length() * 6 / 10);
    }
    long size = Files.size(path);
    SourceFile file = SourceFile.named(path.toString());
    List<String> expected = sequential(parser, file);
    assertTrue(expected.get(expected.size() - 1).contains("the file is truncated"), expected.toString());
    for (long rangeBytes : new long[] {500, 2000, size / 3}) {
      assertSameRecords(expected, inRanges(parser, file, size, rangeBytes, random), rangeBytes + " bytes");
    }
  }

  @Test
  void parquetInRangesOfRowGroupsReadsLikeOneSequentialRead() throws IOException {
    Path path = dir.resolve("t.parquet");
    try (ParquetWriter<GenericRecord> writer =
        AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(path))
            .withSchema(AVRO)
            .withDataModel(GenericData.get())
            .withRowGroupSize(2048L)
            .withPageSize(512)
            .build()) {
      for (long id = 0; id < 3000; id++) {
        writer.write(record(id));
      }
    }
    long size = Files.size(path);
    ParquetFileParser parser = new ParquetFileParser();
    SourceFile file = SourceFile.named(path.toString());
    List<String> expected = sequential(parser, file);
    assertEquals(3000, expected.size());
    Random random = new Random(5);
    for (long rangeBytes : new long[] {1, 1000, 5000, size / 2, size}) {
      assertTrue(parser.plan(file, SCHEMA, size, 1).size() > 3, "several row groups");
      assertSameRecords(expected, inRanges(parser, file, size, rangeBytes, random), rangeBytes + " bytes");
    }
  }
}
