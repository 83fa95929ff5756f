package io.tributary.transforms.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.tributary.transforms.testing.LocalHdfs;
import io.tributary.transforms.validation.CsvTable;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.extensions.avro.io.AvroSource;
import org.apache.beam.sdk.io.BoundedSource;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.schemas.SchemaCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The example sources split in a JVM whose file systems know only the default schemes, as Flink's
 * JobManager does: the pipeline's options, which name the HDFS cluster, must be enough.
 */
@ExtendWith(LocalHdfs.class)
class SplitOnHdfsTest {
  private static final CsvTable PENGUINS = CsvTable.penguins();

  @Test
  void batchingAndFoldingSourcesSplitWithThePipelineOptionsAlone(LocalHdfs.Cluster hdfs) throws Exception {
    String split = hdfs.newFolder("examples") + "/Split-train";
    PipelineOptions options = hdfs.configure(PipelineOptionsFactory.create());
    Pipeline writer = Pipeline.create(options);
    writer.apply(Create.of(PENGUINS.rows()).withRowSchema(PENGUINS.schema())).apply(ExamplesIO.write(split));
    writer.run().waitUntilFinish();
    org.apache.avro.Schema avro = ExamplesIO.readAvroSchema(split);
    AvroSource<GenericRecord> files = AvroSource.from(split + "/data-*.avro").withSchema(avro);

    FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.create());   // a fresh JobManager
    BoundedSource<List<GenericRecord>> batching = new BatchingSource<>(files, 10);
    assertFalse(batching.split(1_000, options).isEmpty());
    FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.create());
    FoldingSource<?> folding = folding(files, avro, Count.<Row>combineFn());
    assertFalse(folding.split(1_000, options).isEmpty());
    FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.create());
    assertEquals(batching.getEstimatedSizeBytes(options), folding.getEstimatedSizeBytes(options));
  }

  private static <A> FoldingSource<A> folding(
      AvroSource<GenericRecord> files, org.apache.avro.Schema avro, Combine.CombineFn<Row, A, Long> fn)
      throws Exception {
    return new FoldingSource<>(files, ExamplesIO.recordToRow(avro), fn,
        fn.getAccumulatorCoder(CoderRegistry.createDefault(), SchemaCoder.of(PENGUINS.schema())));
  }
}
