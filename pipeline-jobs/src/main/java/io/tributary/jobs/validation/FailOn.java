package io.tributary.jobs.validation;

import io.tributary.transforms.validation.Anomalies;
import io.tributary.transforms.validation.Severity;
import java.util.List;
import java.util.Locale;

/** Which anomalies stop a pipeline or fail a CI job: ERRORs, WARNINGs and up, or none. */
public enum FailOn {
  ERROR,
  WARNING,
  NEVER;

  public static FailOn parse(String text) {
    try {
      return valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--failOn=" + text + ": use error, warning or never");
    }
  }

  /** How many anomalies are at or above this level. */
  public long count(List<Anomalies> splits) {
    return splits.stream()
        .flatMap(a -> a.anomalies().stream())
        .filter(a -> this == WARNING || this == ERROR && a.severity() == Severity.ERROR)
        .count();
  }
}
