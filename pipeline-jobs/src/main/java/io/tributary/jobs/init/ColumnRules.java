package io.tributary.jobs.init;

import io.tributary.jobs.options.UsageException;
import io.tributary.transforms.model.Task;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.beam.sdk.schemas.Schema;

/**
 * The rules init decides columns and the task by. They look at a sample, so they are cautious: a
 * column is dropped only when the sample leaves little doubt, and every decision is printed and
 * written into the spec for a person to overrule.
 *
 * <ul>
 *   <li>No value at all: dropped (empty). One value in every row: dropped (constant).
 *   <li>Numbers: numeric (impute the mean, z-score), unless an integer column is unique per row
 *       and either runs without gaps (a row number) or is named like an id ({@code id}, {@code
 *       *_id}, {@code key}, {@code index}).
 *   <li>Booleans: categorical.
 *   <li>Text: a date when at least {@value #DATE_SHARE} of the values read as dates ({@link
 *       DateText}); free text when most values hold blank space and more than half are distinct,
 *       or values are longer than {@value #TEXT_LENGTH} characters on average; an id when more than
 *       half the values are distinct; otherwise categorical (a vocabulary of the frequent values).
 * </ul>
 *
 * <p>The task: a string or boolean label is classification; an integer label with at most {@value
 * #MAX_INTEGER_CLASSES} distinct values is classification; any other number is regression.
 */
final class ColumnRules {

  static final double DATE_SHARE = 0.9;
  static final int TEXT_LENGTH = 50;
  static final int MAX_INTEGER_CLASSES = 10;
  /** Fewer present values than this never make a column an id: too little evidence. */
  private static final int MIN_ROWS_FOR_ID = 20;

  private static final Pattern ID_NAME = Pattern.compile("(?i)(.*[_ ])?(id|key|index|uuid|guid)|.*[a-z]Id");

  private ColumnRules() {}

  static ColumnDecision decide(ColumnSample column) {
    String name = column.name();
    if (column.present() == 0) {
      return new ColumnDecision(name, ColumnRole.EMPTY, "no value in any of the " + column.missing() + " rows sampled");
    }
    if (column.distinct() == 1) {
      return new ColumnDecision(name, ColumnRole.CONSTANT,
          "one value, '" + shown(column.mostFrequent()) + "', in every row that has one");
    }
    String missing = column.missing() == 0 ? "" : ", " + percent(1 - column.presentShare()) + " missing";
    if (column.isNumber()) {
      if (column.isInteger() && column.distinct() == column.present() && column.present() >= MIN_ROWS_FOR_ID) {
        boolean rowNumber = column.max() - column.min() + 1 == column.present();
        if (rowNumber || ID_NAME.matcher(name).matches()) {
          return new ColumnDecision(name, ColumnRole.ID, "integers unique per row"
              + (rowNumber ? ", without gaps (a row number)" : " and named like an id"));
        }
      }
      return new ColumnDecision(name, ColumnRole.NUMERIC,
          "numbers (" + column.type() + ")" + missing + ": missing -> train mean, then z-score");
    }
    if (column.type() == Schema.TypeName.BOOLEAN) {
      return new ColumnDecision(name, ColumnRole.CATEGORICAL, "true/false" + missing + ": one-hot");
    }
    String counts = column.distinct() + " distinct of " + column.present();
    if (column.dateShare() >= DATE_SHARE) {
      return new ColumnDecision(name, ColumnRole.DATE, "dates such as '" + shown(column.mostFrequent())
          + "' (Transform has no date step: derive e.g. the month upstream to use them)");
    }
    if ((column.spacedShare() > 0.5 && column.distinctShare() > 0.5) || column.meanLength() > TEXT_LENGTH) {
      return new ColumnDecision(name, ColumnRole.TEXT, String.format(Locale.ROOT,
          "free text (%s, mean length %.0f): too varied for a vocabulary", counts, column.meanLength()));
    }
    if (column.distinctShare() > 0.5 && column.present() >= MIN_ROWS_FOR_ID) {
      return new ColumnDecision(name, ColumnRole.ID, counts + ": nearly unique per row, nothing to learn from");
    }
    return new ColumnDecision(name, ColumnRole.CATEGORICAL, counts + missing + ": vocabulary of the values seen at least "
        + StarterFiles.MIN_LEVEL_COUNT + " times (at most " + StarterFiles.MAX_LEVELS + "), then one-hot");
  }

  /**
   * The task for the label: {@code requested} when given and possible, else from the label's type.
   *
   * @throws UsageException when the label cannot be learnt: no value, one class, or the wrong type
   *     for the requested task
   */
  static Task task(ColumnSample label, Task requested) {
    String name = label.name();
    if (label.present() == 0) {
      throw new UsageException("--label=" + name + " has no value in the " + label.missing()
          + " rows sampled: pick a column that holds the answer to predict");
    }
    if (label.distinct() == 1) {
      throw new UsageException("--label=" + name + " has one value, '" + shown(label.mostFrequent())
          + "', in every row: there is nothing to predict; pick another column");
    }
    boolean text = !label.isNumber();
    boolean floating = label.isNumber() && !label.isInteger();
    if (requested == Task.REGRESSION && text) {
      throw new UsageException("--task=regression needs a numeric label, but " + name + " is " + label.type()
          + ": use --task=classification");
    }
    if (requested == Task.CLASSIFICATION && floating) {
      throw new UsageException("--task=classification needs a label of classes (text, true/false or integers), but "
          + name + " is " + label.type() + ": use --task=regression");
    }
    if (requested != null) {
      return requested;
    }
    if (text || (label.isInteger() && label.distinct() <= MAX_INTEGER_CLASSES)) {
      return Task.CLASSIFICATION;
    }
    return Task.REGRESSION;
  }

  /** Why the task is what it is, for init's report. */
  static String taskReason(ColumnSample label, Task requested, Task task) {
    if (requested != null) {
      return "as --task asked";
    }
    if (!label.isNumber()) {
      return "the label is " + label.type() + " with " + label.distinct() + " values";
    }
    return task == Task.CLASSIFICATION
        ? "the label is integers with only " + label.distinct() + " values (--task=regression to predict a number)"
        : "the label is " + label.type() + " with " + label.distinct() + " values";
  }

  static String percent(double share) {
    return share < 0.01 && share > 0 ? "<1%" : Math.round(share * 100) + "%";
  }

  private static String shown(String value) {
    return value.length() <= 30 ? value : value.substring(0, 27) + "...";
  }
}
