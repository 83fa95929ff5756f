package io.tributary.jobs.validation;

import io.tributary.jobs.artifacts.Folders;
import io.tributary.jobs.artifacts.ReportTitle;
import io.tributary.jobs.artifacts.StagedOutput;
import io.tributary.jobs.examplegen.ExampleSplits;
import io.tributary.jobs.execution.Progress;
import io.tributary.jobs.options.UsageException;
import io.tributary.jobs.statistics.ColumnNamesFile;
import io.tributary.transforms.examples.ColumnNames;
import io.tributary.transforms.schema.DatasetSchema;
import io.tributary.transforms.schema.SchemaJson;
import io.tributary.transforms.statistics.DatasetStatistics;
import io.tributary.transforms.statistics.StatisticsJson;
import io.tributary.transforms.validation.Anomalies;
import io.tributary.transforms.validation.AnomaliesJson;
import io.tributary.transforms.validation.Anomaly;
import io.tributary.transforms.validation.ExampleValidator;
import io.tributary.transforms.validation.report.AnomaliesReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks every split's statistics against a schema; with a baseline (the previous span's
 * statistics) each split is also compared with the same split there (drift); with serving
 * statistics, each serving split is checked in the serving environment and compared with the
 * training split (skew). Prints each anomaly in a line.
 *
 * <pre>
 * out/
 *   Split-&lt;name&gt;/anomalies.json           the validated statistics' splits (+ drift)
 *   serving/Split-&lt;name&gt;/anomalies.json   the serving statistics' splits (+ skew)
 *   anomalies.html                         all of them, for people
 * </pre>
 *
 * <p>Everything is checked before the output is created: the folders, the schema, the environments
 * and the training split; a mistake is a {@link UsageException} and leaves nothing behind.
 */
public final class ValidateJob {

  public static final String FILE = AnomaliesJson.FILE_NAME;
  public static final String REPORT = "anomalies.html";
  /** The folder below the output holding the serving splits' anomalies. */
  public static final String SERVING_FOLDER = "serving";

  private ValidateJob() {}

  /** Runs with a report titled by the statistics folder ({@link ReportTitle#folder}). */
  public static List<CheckedSplit> run(ValidateSettings settings, Progress progress) {
    return run(settings, progress, ReportTitle.folder(settings.statistics()));
  }

  /**
   * @param reportSubject what the report's title names before "— anomalies of ...", e.g. {@code
   *     penguin · ExampleValidator · execution 14}
   */
  public static List<CheckedSplit> run(ValidateSettings settings, Progress progress, String reportSubject) {
    DatasetSchema schema = readSchema(settings.schema());
    ColumnNames names = columnNames(settings.statistics());
    ExampleValidator.Validation validation = inEnvironment(schema, settings.environment(), "--environment");
    List<String> splits = ExampleSplits.of(settings.statistics());
    List<String> baselineSplits = settings.baseline() == null ? List.of() : ExampleSplits.of(settings.baseline());
    List<String> servingSplits = settings.serving() == null ? List.of() : ExampleSplits.of(settings.serving());
    ExampleValidator.Validation servingValidation = null;
    if (settings.serving() != null) {
      if (!splits.contains(settings.trainingSplit())) {
        throw new UsageException("--trainingSplit=" + settings.trainingSplit() + ": " + settings.statistics()
            + " has no such split; it has " + splits);
      }
      servingValidation = inEnvironment(schema, settings.servingEnvironment(), "--servingEnvironment")
          .withSkewBaseline(read(settings.statistics(), settings.trainingSplit()));
    }
    StagedOutput out = StagedOutput.begin(settings.output(), settings.overwrite());
    String staging = out.stagingUri();
    try {
      List<CheckedSplit> checked = new ArrayList<>();
      for (String split : splits) {
        ExampleValidator.Validation check = validation;
        String comparedWith = "";
        if (baselineSplits.contains(split)) {
          check = check.withDriftBaseline(read(settings.baseline(), split));
          comparedWith = "drift: split " + split + " of " + settings.baseline();
        }
        checked.add(write(staging, new CheckedSplit(split, false, check.check(read(settings.statistics(), split)),
            comparedWith), names, progress));
      }
      for (String split : servingSplits) {
        Anomalies anomalies = servingValidation.check(read(settings.serving(), split));
        checked.add(write(staging, new CheckedSplit(split, true, anomalies,
            "skew: split " + settings.trainingSplit() + " of " + settings.statistics()), names, progress));
      }
      AnomaliesReport.write(Folders.resolve(staging, REPORT),
          ReportTitle.of(reportSubject, "anomalies", checked.stream().map(CheckedSplit::label).toList()),
          (names == null ? checked : checked.stream().map(c -> c.withFeatureNames(names::original)).toList())
              .stream().map(CheckedSplit::section).toList());
      out.publish();
      List<Anomalies> all = checked.stream().map(CheckedSplit::anomalies).toList();
      long errors = FailOn.ERROR.count(all);
      progress.say(String.format("%d error(s), %d warning(s) in %d split(s); report: %s",
          errors, FailOn.WARNING.count(all) - errors, checked.size(), Folders.resolve(out.targetUri(), REPORT)));
      if (errors > 0) {
        progress.say(howToEdit(settings.schema()));
      }
      return checked;
    } catch (IOException e) {
      out.abandon();
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      out.abandon();
      throw e;
    }
  }

  private static CheckedSplit write(String staging, CheckedSplit checked, ColumnNames names, Progress progress)
      throws IOException {
    AnomaliesJson.write(checked.anomalies(), Folders.resolve(Folders.resolve(staging, checked.folder()), FILE));
    for (Anomaly a : checked.anomalies().anomalies()) {
      String feature = a.feature() == null ? "" : (names == null ? a.feature() : names.describe(a.feature())) + ": ";
      progress.say(checked.label() + ": " + a.severity() + " " + feature + a.shortDescription() + ". " + a.description());
      if (!a.remedy().isEmpty()) {
        progress.say("  to accept or fix: " + a.remedy());
      }
    }
    return checked;
  }

  /** Where the schema fields that the remedies name are edited, for the CLI and for a pipeline. */
  static String howToEdit(String schema) {
    String file = schemaFile(schema);
    return "to accept what the lines above call valid, edit the fields they name in a copy of " + file
        + " and validate with --schema=COPY; in a pipeline, give the copy to SchemaGen as parameter"
        + " 'schema: COPY' (it then imports it instead of inferring). To report without stopping: --failOn=never"
        + " (ExampleValidator parameter failOn: never).";
  }

  /** The columns' original names recorded beside the statistics ({@link ColumnNamesFile}), or null. */
  private static ColumnNames columnNames(String statistics) {
    try {
      return ColumnNamesFile.read(statistics);
    } catch (IOException e) {
      throw new UsageException("cannot read " + Folders.resolve(statistics, ColumnNamesFile.FILE) + ": " + e.getMessage());
    }
  }

  private static ExampleValidator.Validation inEnvironment(DatasetSchema schema, String environment, String option) {
    ExampleValidator.Validation validation = ExampleValidator.validate(schema);
    if (environment == null) {
      return validation;
    }
    if (!schema.environments().contains(environment)) {
      throw new UsageException(option + "=" + environment + ": the schema's environments are "
          + schema.environments() + "; pick one, or add it to the schema's \"environments\"");
    }
    return validation.inEnvironment(environment);
  }

  private static DatasetStatistics read(String statistics, String split) {
    String file = Folders.resolve(ExampleSplits.folder(statistics, split), StatisticsJson.FILE_NAME);
    try {
      return StatisticsJson.read(file);
    } catch (IOException e) {
      throw new UsageException("cannot read the statistics " + file + ": " + e.getMessage());
    }
  }

  public static DatasetSchema readSchema(Path schema) {
    return readSchema(schema.toString());
  }

  /** The schema at {@code schema}: a {@code schema.json}, or a folder holding one. */
  static DatasetSchema readSchema(String schema) {
    String file = schemaFile(schema);
    try {
      return SchemaJson.read(file);
    } catch (IOException e) {
      throw new UsageException("cannot read the schema " + file + ": " + e.getMessage());
    }
  }

  /** {@code schema} itself, or its {@value SchemaGenJob#FILE} when it is a folder. */
  private static String schemaFile(String schema) {
    try {
      return Folders.of(schema).isFolder(schema) ? Folders.resolve(schema, SchemaGenJob.FILE) : schema;
    } catch (IOException unreadable) {
      return schema;
    }
  }
}
