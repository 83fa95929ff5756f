package io.tributary.jobs.validation;

import io.tributary.jobs.artifacts.Folders;
import io.tributary.jobs.artifacts.StagedOutput;
import io.tributary.jobs.examplegen.ExampleSplits;
import io.tributary.jobs.execution.Progress;
import io.tributary.jobs.options.UsageException;
import io.tributary.transforms.artifacts.ArtifactFiles;
import io.tributary.transforms.schema.DatasetSchema;
import io.tributary.transforms.schema.InferredSchema;
import io.tributary.transforms.schema.SchemaGen;
import io.tributary.transforms.schema.SchemaJson;
import io.tributary.transforms.statistics.DatasetStatistics;
import io.tributary.transforms.statistics.StatisticsJson;
import io.tributary.transforms.validation.HeldOutCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Infers {@code schema.json} from one split's statistics (StatisticsGen's output): types,
 * presence, domains of categorical strings, ranges with a margin, NaN allowed or not; then checks
 * it against every other split, which it did not learn from, and relaxes what that clean data
 * breaks ({@link HeldOutCheck}). The file is meant to be read and curated by people; a curated one
 * replaces inference in a pipeline. Next to it, {@value #NOTES} says, one line each, which string
 * features got no domain and why, and what the check relaxed; the same lines are printed.
 */
public final class SchemaGenJob {

  public static final String FILE = "schema.json";
  /** The notes of the inference, next to the schema. */
  public static final String NOTES = "inference.txt";

  private SchemaGenJob() {}

  /** {@link #run(String, String, SchemaGen.Infer, String, String, boolean, Progress)} on local folders. */
  public static DatasetSchema run(
      Path statistics, String split, SchemaGen.Infer infer, String label, Path output, boolean overwrite,
      Progress progress) {
    return run(statistics.toString(), split, infer, label, output.toAbsolutePath().toString(), overwrite, progress);
  }

  /**
   * @param statistics StatisticsGen's output, a local folder or a URI such as {@code hdfs://nn/stats}
   * @param split the split to infer from (usually {@code train}); every other split checks the result
   * @param label a label feature, marked absent in the SERVING environment; null for none
   * @param output the folder to write, a local folder or a URI
   */
  public static DatasetSchema run(
      String statistics, String split, SchemaGen.Infer infer, String label, String output, boolean overwrite,
      Progress progress) {
    if (!ExampleSplits.of(statistics).contains(split)) {
      throw new UsageException(statistics + " has no split '" + split + "'; it has " + ExampleSplits.of(statistics));
    }
    SchemaGen.Infer configured = label == null ? infer : infer.withLabel(label);
    StagedOutput out = StagedOutput.begin(output, overwrite);
    try {
      List<DatasetStatistics> heldOut = new ArrayList<>();
      for (String other : ExampleSplits.of(statistics)) {
        if (!other.equals(split)) {
          heldOut.add(read(statistics, other));
        }
      }
      long heldOutRows = heldOut.stream().mapToLong(DatasetStatistics::rowCount).filter(n -> n > 0).min().orElse(0);
      InferredSchema inferred = HeldOutCheck.relax(
          configured.withHeldOutRows(heldOutRows).inference(read(statistics, split)), heldOut);
      DatasetSchema schema = inferred.schema();
      SchemaJson.write(schema, Folders.resolve(out.stagingUri(), FILE));
      ArtifactFiles.writeText(Folders.resolve(out.stagingUri(), NOTES),
          inferred.notes().stream().map(line -> line + "\n").collect(Collectors.joining()));
      out.publish();
      inferred.notes().forEach(progress::say);
      List<String> checked = heldOut.stream().map(DatasetStatistics::split).toList();
      progress.say("schema of " + schema.features().size() + " features inferred from split " + split
          + (checked.isEmpty() ? " (no other split to check it on)" : ", checked on split(s) " + String.join(", ", checked))
          + ": " + Folders.resolve(out.targetUri(), FILE));
      return schema;
    } catch (IOException e) {
      out.abandon();
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      out.abandon();
      throw e;
    }
  }

  private static DatasetStatistics read(String statistics, String split) throws IOException {
    return StatisticsJson.read(Folders.resolve(ExampleSplits.folder(statistics, split), StatisticsJson.FILE_NAME));
  }
}
