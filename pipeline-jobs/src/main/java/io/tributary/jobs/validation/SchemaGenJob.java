package io.tributary.jobs.validation;

import io.tributary.jobs.artifacts.StagedOutput;
import io.tributary.jobs.examplegen.ExampleSplits;
import io.tributary.jobs.execution.Progress;
import io.tributary.jobs.options.UsageException;
import io.tributary.transforms.schema.DatasetSchema;
import io.tributary.transforms.schema.SchemaGen;
import io.tributary.transforms.schema.SchemaJson;
import io.tributary.transforms.statistics.StatisticsJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Infers {@code schema.json} from one split's statistics (StatisticsGen's output): types,
 * presence, domains of low-cardinality strings, ranges with a margin, NaN allowed or not. The
 * file is meant to be read and curated by people; a curated one replaces inference in a pipeline.
 */
public final class SchemaGenJob {

  public static final String FILE = "schema.json";

  private SchemaGenJob() {}

  /**
   * @param split the split to infer from (usually {@code train})
   * @param label a label feature, marked absent in the SERVING environment; null for none
   */
  public static DatasetSchema run(
      Path statistics, String split, SchemaGen.Infer infer, String label, Path output, boolean overwrite,
      Progress progress) {
    if (!ExampleSplits.of(statistics).contains(split)) {
      throw new UsageException(statistics + " has no split '" + split + "'; it has " + ExampleSplits.of(statistics));
    }
    SchemaGen.Infer configured = label == null ? infer : infer.withLabel(label);
    StagedOutput out = StagedOutput.begin(output, overwrite);
    try {
      DatasetSchema schema = configured.from(
          StatisticsJson.read(ExampleSplits.folder(statistics, split).resolve(StatisticsJson.FILE_NAME)));
      SchemaJson.write(schema, out.staging().resolve(FILE));
      out.publish();
      progress.say("schema of " + schema.features().size() + " features inferred from split " + split + ": "
          + out.target().resolve(FILE));
      return schema;
    } catch (IOException e) {
      out.abandon();
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      out.abandon();
      throw e;
    }
  }
}
