package io.tributary.transforms.statistics;

import io.tributary.transforms.examples.ExamplesIO;
import org.apache.beam.sdk.extensions.avro.schemas.utils.AvroUtils;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;

/**
 * {@link Statistics.Generate#ofExamples}: the statistics of a split folder, accumulated as it is
 * read ({@code ExamplesIO.read(folder).combined(...)}) rather than from a collection of its rows.
 */
final class GenerateFromExamples extends PTransform<PBegin, PCollection<DatasetStatistics>> {
  private static final long serialVersionUID = 1L;

  private final Statistics.Generate generate;
  private final String splitFolder;

  GenerateFromExamples(Statistics.Generate generate, String splitFolder) {
    this.generate = generate;
    this.splitFolder = splitFolder;
  }

  @Override
  public PCollection<DatasetStatistics> expand(PBegin begin) {
    Schema schema = AvroUtils.toBeamSchema(ExamplesIO.readAvroSchema(splitFolder));
    return begin
        .apply("ReadAndAccumulate", ExamplesIO.read(splitFolder).combined(generate.combineFn(schema)))
        .setCoder(DatasetStatisticsCoder.of());
  }
}
