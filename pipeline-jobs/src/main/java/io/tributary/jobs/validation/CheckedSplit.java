package io.tributary.jobs.validation;

import io.tributary.jobs.examplegen.ExampleSplits;
import io.tributary.transforms.validation.Anomalies;
import io.tributary.transforms.validation.report.AnomaliesReport;
import java.util.function.UnaryOperator;

/**
 * One split checked by {@link ValidateJob}: a split of the validated statistics, or of the serving
 * statistics (which are also compared with the training split, for skew), with its anomalies.
 *
 * @param split the split's name
 * @param serving whether it is a split of the serving statistics
 * @param anomalies what was found, and every distance measured
 * @param comparedWith what its distributions were compared with, in words (e.g. "drift: split eval
 *     of /runs/41/statistics"); empty when nothing was
 */
public record CheckedSplit(String split, boolean serving, Anomalies anomalies, String comparedWith) {

  /** The folder, below the job's output, holding this split's {@code anomalies.json}. */
  public String folder() {
    return (serving ? ValidateJob.SERVING_FOLDER + "/" : "") + ExampleSplits.PREFIX + split;
  }

  /** The same split with its anomalies' features renamed, for a report (see {@link Anomalies#withFeatureNames}). */
  public CheckedSplit withFeatureNames(UnaryOperator<String> rename) {
    return new CheckedSplit(split, serving, anomalies.withFeatureNames(rename), comparedWith);
  }

  /** This split on the page {@code anomalies.html}. */
  public AnomaliesReport.Section section() {
    return new AnomaliesReport.Section(label(), anomalies, comparedWith);
  }

  /** How the report and the progress lines name it: {@code eval} or {@code serving eval}. */
  public String label() {
    return (serving ? "serving " : "") + split;
  }
}
