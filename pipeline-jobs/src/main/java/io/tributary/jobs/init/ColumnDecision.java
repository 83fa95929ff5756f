package io.tributary.jobs.init;

/**
 * What init decided for one column, and why.
 *
 * @param column the field name (as ExampleGen names it)
 * @param role what the transform does with it
 * @param reason why, in a few words with the figures that decided it
 */
public record ColumnDecision(String column, ColumnRole role, String reason) {

  /**
   * One line of init's report, {@code Body Mass (g)  numeric  numbers (DOUBLE), 2% missing}, under
   * the name the user's file gives the column.
   */
  public String line(String shownName, int width) {
    return String.format("  %-" + width + "s  %-17s  %s", shownName, role.label(), reason);
  }
}
