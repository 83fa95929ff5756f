package io.tributary.jobs.tune;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The values one hyper-parameter may take in a search: a list of values, or a {@code min}/{@code
 * max} range (random search only) drawn on a {@link Scale}.
 *
 * <pre>{@code
 * maxDepth: [2, 4, 8]                               # a list (grid or random)
 * maxDepth: {values: [2, 4, 8]}                     # the same
 * eta: {min: 0.01, max: 0.5, scale: log}            # a range (random)
 * numTrees: {min: 10, max: 200}                     # whole numbers for integer hyper-parameters
 * }</pre>
 *
 * @param values the values to try, or null for a range
 * @param min the smallest value of a range (inclusive)
 * @param max the largest value of a range (inclusive)
 * @param scale how a range is drawn; default linear
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ParameterRange(List<Number> values, Number min, Number max, Scale scale) {

  private static final Set<String> FIELDS = Set.of("values", "min", "max", "scale");

  public ParameterRange {
    if (values != null) {
      if (min != null || max != null || scale != null) {
        throw new IllegalArgumentException("give either 'values' or 'min' and 'max', not both");
      }
      if (values.isEmpty() || values.contains(null)) {
        throw new IllegalArgumentException("'values' is empty or has a null: list at least one number");
      }
      values = List.copyOf(values);
    } else {
      if (min == null || max == null) {
        throw new IllegalArgumentException("a range needs 'values: [...]', or both 'min' and 'max'");
      }
      if (!(min.doubleValue() <= max.doubleValue())) {
        throw new IllegalArgumentException("min " + min + " is above max " + max + ": swap them");
      }
      scale = scale == null ? Scale.LINEAR : scale;
      if (scale == Scale.LOG && !(min.doubleValue() > 0)) {
        throw new IllegalArgumentException("scale log needs min > 0 (it is " + min + "): raise min or use linear");
      }
    }
  }

  /** A value list. */
  public static ParameterRange of(List<Number> values) {
    return new ParameterRange(values, null, null, null);
  }

  /** Reads the config forms: a bare list of numbers, or a mapping of the fields. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static ParameterRange fromJson(JsonNode node) {
    if (node.isArray()) {
      return of(numbers(node));
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException("a range is a list of values, or {min: .., max: .., scale: ..}; not " + node);
    }
    node.fieldNames().forEachRemaining(name -> {
      if (!FIELDS.contains(name)) {
        throw new IllegalArgumentException("unknown range field '" + name + "': use values, or min, max and scale");
      }
    });
    return new ParameterRange(
        node.has("values") ? numbers(node.get("values")) : null,
        node.has("min") ? number(node.get("min")) : null,
        node.has("max") ? number(node.get("max")) : null,
        node.has("scale") ? Scale.fromId(node.get("scale").asText()) : null);
  }

  private static List<Number> numbers(JsonNode array) {
    if (!array.isArray()) {
      throw new IllegalArgumentException("'values' must be a list of numbers, not " + array);
    }
    List<Number> numbers = new ArrayList<>();
    array.forEach(item -> numbers.add(number(item)));
    return numbers;
  }

  private static Number number(JsonNode node) {
    if (!node.isNumber()) {
      throw new IllegalArgumentException("'" + node.asText() + "' is not a number");
    }
    return node.numberValue();
  }

  /** A range drawn on {@code scale}. */
  public static ParameterRange between(Number min, Number max, Scale scale) {
    return new ParameterRange(null, min, max, scale);
  }

  public boolean isList() {
    return values != null;
  }

  /** The values this range can give, for checking them against the hyper-parameter's bounds. */
  List<Number> bounds() {
    return isList() ? values : List.of(min, max);
  }

  /** One random draw; a whole number when {@code integer}. */
  Number sample(SplittableRandom random, boolean integer) {
    if (isList()) {
      return values.get(random.nextInt(values.size()));
    }
    double low = min.doubleValue();
    double high = max.doubleValue();
    if (integer) {
      // Draw on [min, max + 1) and round down, so max is as likely as any other whole number.
      double drawn = scale == Scale.LOG ? logUniform(random, low, high + 1) : low + random.nextDouble() * (high + 1 - low);
      return (int) Math.min(Math.floor(drawn), high);
    }
    return scale == Scale.LOG ? logUniform(random, low, high) : low + random.nextDouble() * (high - low);
  }

  private static double logUniform(SplittableRandom random, double low, double high) {
    return Math.exp(Math.log(low) + random.nextDouble() * (Math.log(high) - Math.log(low)));
  }
}
