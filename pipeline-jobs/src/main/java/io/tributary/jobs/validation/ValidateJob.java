package io.tributary.jobs.validation;

import io.tributary.jobs.artifacts.StagedOutput;
import io.tributary.jobs.examplegen.ExampleSplits;
import io.tributary.jobs.execution.Progress;
import io.tributary.jobs.options.UsageException;
import io.tributary.transforms.schema.DatasetSchema;
import io.tributary.transforms.schema.SchemaJson;
import io.tributary.transforms.statistics.StatisticsJson;
import io.tributary.transforms.validation.Anomalies;
import io.tributary.transforms.validation.AnomaliesJson;
import io.tributary.transforms.validation.Anomaly;
import io.tributary.transforms.validation.ExampleValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks every split's statistics against a schema, and against the same split of a baseline
 * (the previous span's statistics) for drift. Writes {@code Split-<name>/anomalies.json} and one
 * {@code anomalies.html}, and prints each anomaly in a line.
 */
public final class ValidateJob {

  public static final String FILE = "anomalies.json";
  public static final String REPORT = "anomalies.html";

  private ValidateJob() {}

  /**
   * @param schema a schema file, or a folder holding {@code schema.json}
   * @param baseline statistics to compare against for drift, or null
   * @param environment the environment to validate in (e.g. SERVING), or null for the default
   */
  public static List<Anomalies> run(
      Path statistics, Path schema, Path baseline, String environment, Path output, boolean overwrite,
      Progress progress) {
    DatasetSchema expected = readSchema(schema);
    List<String> splits = ExampleSplits.of(statistics);
    List<String> baselineSplits = baseline == null ? List.of() : ExampleSplits.of(baseline);
    StagedOutput out = StagedOutput.begin(output, overwrite);
    try {
      List<Anomalies> results = new ArrayList<>();
      for (String split : splits) {
        ExampleValidator.Validation validation = ExampleValidator.validate(expected);
        if (environment != null) {
          validation = validation.inEnvironment(environment);
        }
        if (baselineSplits.contains(split)) {
          validation = validation.withDriftBaseline(StatisticsJson.read(
              ExampleSplits.folder(baseline, split).resolve(StatisticsJson.FILE_NAME)));
        }
        Anomalies anomalies = validation.check(StatisticsJson.read(
            ExampleSplits.folder(statistics, split).resolve(StatisticsJson.FILE_NAME)));
        Path folder = Files.createDirectories(ExampleSplits.folder(out.staging(), split));
        AnomaliesJson.write(anomalies, folder.resolve(FILE));
        results.add(anomalies);
        for (Anomaly a : anomalies.anomalies()) {
          progress.say(split + ": " + a.severity() + " " + (a.feature() == null ? "" : a.feature() + ": ")
              + a.shortDescription());
        }
      }
      AnomaliesReport.write(out.staging().resolve(REPORT), "Anomalies of " + statistics.getFileName(), results);
      out.publish();
      progress.say(String.format("%d error(s), %d warning(s) in %d split(s); report: %s",
          FailOn.ERROR.count(results), FailOn.WARNING.count(results) - FailOn.ERROR.count(results),
          results.size(), out.target().resolve(REPORT)));
      return results;
    } catch (IOException e) {
      out.abandon();
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      out.abandon();
      throw e;
    }
  }

  static DatasetSchema readSchema(Path schema) {
    Path file = Files.isDirectory(schema) ? schema.resolve(SchemaGenJob.FILE) : schema;
    try {
      return SchemaJson.read(file);
    } catch (IOException e) {
      throw new UsageException("cannot read the schema " + file + ": " + e.getMessage());
    }
  }
}
