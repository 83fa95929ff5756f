package io.tributary.jobs.validation;

import java.nio.file.Path;

/**
 * What {@link ValidateJob} checks and compares, and where it writes: immutable, each {@code withX()}
 * returns a copy. Checked against the folders and the schema when the job starts, before any
 * output is created.
 *
 * <pre>{@code
 * ValidateSettings settings = ValidateSettings.of(statistics, schemaDir, output)
 *     .withBaseline(previousSpanStatistics)     // drift: each split against the same split there
 *     .withServing(servingStatistics)           // skew: each serving split against the training split
 *     .withTrainingSplit("train");              // the default
 * List<CheckedSplit> checked = ValidateJob.run(settings, progress);
 * }</pre>
 *
 * <p>Folders and the schema are local paths or URIs such as {@code hdfs://nn:8020/stats}.
 *
 * @param statistics StatisticsGen's output: every split is checked against the schema
 * @param schema a {@code schema.json}, or a folder holding one
 * @param output the folder to write; must not exist (or be empty) unless {@code overwrite}
 * @param baseline statistics of the previous span, for drift; null for none
 * @param serving statistics of serving data, for skew; null for none
 * @param trainingSplit the split of {@code statistics} that serving splits are compared with
 * @param environment the environment {@code statistics} are validated in; null for none
 * @param servingEnvironment the environment serving splits are validated in (the label may be absent)
 */
public record ValidateSettings(
    String statistics,
    String schema,
    String output,
    String baseline,
    String serving,
    String trainingSplit,
    String environment,
    String servingEnvironment,
    boolean overwrite) {

  /** The default split that serving data is compared with. */
  public static final String TRAINING_SPLIT = "train";

  public ValidateSettings {
    if (statistics == null || schema == null || output == null) {
      throw new IllegalArgumentException("pass the statistics folder, the schema and the output folder");
    }
    if (trainingSplit == null || trainingSplit.isBlank()) {
      throw new IllegalArgumentException("--trainingSplit: name the split of --statistics serving data is compared with");
    }
    if (servingEnvironment == null || servingEnvironment.isBlank()) {
      throw new IllegalArgumentException("--servingEnvironment: name an environment of the schema, e.g. SERVING");
    }
  }

  /** Schema checks only: no baseline, no serving data, no environment, output must be new. */
  public static ValidateSettings of(String statistics, String schema, String output) {
    return new ValidateSettings(statistics, schema, output, null, null, TRAINING_SPLIT, null, "SERVING", false);
  }

  /** {@link #of(String, String, String)} of local folders. */
  public static ValidateSettings of(Path statistics, Path schema, Path output) {
    return of(text(statistics), text(schema), text(output));
  }

  private static String text(Path path) {
    return path == null ? null : path.toString();
  }

  public ValidateSettings withBaseline(Path previousSpan) {
    return withBaseline(text(previousSpan));
  }

  public ValidateSettings withServing(Path servingStatistics) {
    return withServing(text(servingStatistics));
  }

  public ValidateSettings withBaseline(String previousSpan) {
    return new ValidateSettings(statistics, schema, output, previousSpan, serving, trainingSplit, environment,
        servingEnvironment, overwrite);
  }

  public ValidateSettings withServing(String servingStatistics) {
    return new ValidateSettings(statistics, schema, output, baseline, servingStatistics, trainingSplit, environment,
        servingEnvironment, overwrite);
  }

  public ValidateSettings withTrainingSplit(String split) {
    return new ValidateSettings(statistics, schema, output, baseline, serving, split, environment,
        servingEnvironment, overwrite);
  }

  public ValidateSettings withEnvironment(String name) {
    return new ValidateSettings(statistics, schema, output, baseline, serving, trainingSplit, name,
        servingEnvironment, overwrite);
  }

  public ValidateSettings withServingEnvironment(String name) {
    return new ValidateSettings(statistics, schema, output, baseline, serving, trainingSplit, environment, name,
        overwrite);
  }

  public ValidateSettings withOverwrite(boolean replace) {
    return new ValidateSettings(statistics, schema, output, baseline, serving, trainingSplit, environment,
        servingEnvironment, replace);
  }
}
