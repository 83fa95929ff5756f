package io.tributary.samples.bench;

import io.tributary.transforms.examples.ExamplesIO;
import io.tributary.transforms.statistics.DatasetStatistics;
import io.tributary.transforms.statistics.Statistics;
import io.tributary.transforms.statistics.StatisticsCollector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.extensions.avro.schemas.utils.AvroUtils;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.Row;

/**
 * The baseline of {@link StatisticsBenchmark}: one thread reads a split folder's Avro files with
 * Avro's own {@link DataFileReader} and feeds every record to a {@link StatisticsCollector}, the
 * accumulators the Beam transform combines, without Beam's runners. A record becomes a Beam row
 * by the same conversion the pipeline's read applies, so both sides do the same work per record
 * and the difference is what a runner adds (or saves by running in parallel).
 */
final class HandLoopStatistics {
  private HandLoopStatistics() {}

  static DatasetStatistics compute(Path split) throws IOException {
    org.apache.avro.Schema avro = ExamplesIO.readAvroSchema(split.toString());
    SerializableFunction<GenericRecord, Row> toRow = ExamplesIO.recordToRow(avro);
    StatisticsCollector collector = Statistics.generate().collector(AvroUtils.toBeamSchema(avro));
    for (Path file : avroFiles(split)) {
      try (DataFileReader<GenericRecord> reader =
          new DataFileReader<>(file.toFile(), new GenericDatumReader<>(avro))) {
        GenericRecord record = null;
        while (reader.hasNext()) {
          // Reusing the record saves Avro an allocation; the row copies what it needs.
          record = reader.next(record);
          collector.add(toRow.apply(record));
        }
      }
    }
    return collector.result();
  }

  static List<Path> avroFiles(Path split) throws IOException {
    try (Stream<Path> files = Files.list(split)) {
      return files.filter(f -> f.toString().endsWith(".avro")).sorted().collect(Collectors.toList());
    }
  }
}
