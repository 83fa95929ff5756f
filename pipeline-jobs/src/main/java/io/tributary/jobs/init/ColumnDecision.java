package io.tributary.jobs.init;

/**
 * What init decided for one column, and why.
 *
 * @param column the field name (as ExampleGen names it)
 * @param role what the transform does with it
 * @param reason why, in a few words with the figures that decided it
 */
public record ColumnDecision(String column, ColumnRole role, String reason) {

  /** One line of init's report: {@code column  numeric  numbers (DOUBLE), 2% missing}. */
  public String line(int width) {
    return String.format("  %-" + width + "s  %-17s  %s", column, role.label(), reason);
  }
}
