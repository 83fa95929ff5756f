package io.tributary.transforms.validation;

import java.io.Serializable;
import java.util.Locale;

/**
 * Why one value of a record breaks the schema: the feature, a stable {@link Kind} to count by, and
 * a message in plain words with the value.
 *
 * <pre>{@code
 * for (RecordProblem p : validator.problems(row)) {
 *   counts.merge(p.feature() + ":" + p.kind().key(), 1L, Long::sum);   // body_mass_g:out_of_range
 *   System.out.println(p.reason());          // body_mass_g: 60000 is outside the range [2340, 6660]
 * }
 * }</pre>
 *
 * @param feature the schema feature
 * @param kind what kind of problem, for counting
 * @param message what is wrong with the value, e.g. {@code "60000 is outside the range [2340, 6660]"}
 */
public record RecordProblem(String feature, Kind kind, String message) implements Serializable {

  /** The kinds of problem a value can have; the {@link #key()}s are stable names for counts. */
  public enum Kind {
    /** No value, but the schema requires one. */
    MISSING,
    /** A string outside the schema's domain. */
    NOT_IN_DOMAIN,
    /** Text that is not a number in a numeric feature. */
    NOT_A_NUMBER,
    /** NaN where the schema does not allow it. */
    NAN,
    /** A number outside the schema's range. */
    OUT_OF_RANGE;

    /** The lower-case name used in counters and summaries, e.g. {@code out_of_range}. */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The reason as written into a record error: {@code "<feature>: <message>"}. */
  public String reason() {
    return feature + ": " + message;
  }

  /** The name counts of this feature and kind go by: {@code "<feature>:<kind key>"}. */
  public String countKey() {
    return feature + ":" + kind.key();
  }
}
