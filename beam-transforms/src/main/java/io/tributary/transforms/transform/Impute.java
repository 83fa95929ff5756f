package io.tributary.transforms.transform;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * Replaces missing values: {@code {"op":"impute","strategy":"mean"}}, {@code "median"}, {@code
 * "mostFrequent"}, or {@code {"op":"impute","strategy":"constant","value":0}}.
 *
 * <p>Mean and median need numbers and produce doubles; most frequent and constant keep the kind
 * (a constant for an integer column must be an integer, for a string column a string). Present
 * values pass unchanged. With no observed values the fill is 0, 0.0 or {@code ""}.
 */
@JsonTypeName("impute")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Impute(Strategy strategy, Object value) implements Step {

  /** How the fill value is chosen. */
  public enum Strategy {
    @JsonProperty("mean")
    MEAN,
    @JsonProperty("median")
    MEDIAN,
    @JsonProperty("mostFrequent")
    MOST_FREQUENT,
    @JsonProperty("constant")
    CONSTANT
  }

  public Impute {
    if (strategy == null) {
      throw new IllegalArgumentException("impute needs a strategy: mean, median, mostFrequent or constant");
    }
    if (strategy == Strategy.CONSTANT && !(value instanceof Number || value instanceof String)) {
      throw new IllegalArgumentException("impute constant needs a value: a number or a string");
    }
    if (strategy != Strategy.CONSTANT && value != null) {
      throw new IllegalArgumentException("impute " + strategy + " takes no value: use strategy constant");
    }
    if (value instanceof Number) {
      value = value instanceof Double || value instanceof Float
          ? StepChecks.finite(((Number) value).doubleValue(), "impute constant value")
          : (Object) ((Number) value).longValue();
    }
  }

  @Override
  public ValueKind outputKind(ValueKind input) {
    switch (strategy) {
      case MEAN:
      case MEDIAN:
        if (!input.isNumeric()) {
          throw StepChecks.needs(this, "a number", input, "use strategy mostFrequent or constant");
        }
        return ValueKind.NUMBER;
      case MOST_FREQUENT:
        if (input == ValueKind.VECTOR || input == ValueKind.INDEX) {
          throw StepChecks.needs(this, "a column value", input, "impute before the step that makes it");
        }
        return input;
      default:
        checkConstant(input);
        return input;
    }
  }

  private void checkConstant(ValueKind input) {
    boolean fits =
        input == ValueKind.STRING ? value instanceof String
            : input == ValueKind.NUMBER ? value instanceof Number
            : input == ValueKind.INTEGER && value instanceof Long;
    if (!fits) {
      throw StepChecks.needs(
          this, "a constant of the column's kind (got " + value + ")", input,
          "give a string for strings, an integer for integer columns, a number for numbers");
    }
  }

  @Override
  public boolean handlesMissing() {
    return true;
  }

  @Override
  public AnalyzerFn<?, ?, ?> analyzer(ValueKind input) {
    switch (strategy) {
      case MEAN:
        return MeanVarianceFn.create();
      case MEDIAN:
        return QuantilesFn.median();
      case MOST_FREQUENT:
        return TopValuesFn.of(1, 1);
      default:
        return null;
    }
  }

  @Override
  public Constants fit(ValueKind input, Object analyzed, Constants previous) {
    switch (strategy) {
      case MEAN:
        MeanVarianceFn.Moments moments = (MeanVarianceFn.Moments) analyzed;
        return Constants.fill(moments.count(), moments.mean());
      case MEDIAN:
        QuantilesFn.Quantiles median = (QuantilesFn.Quantiles) analyzed;
        return Constants.fill(median.count(), median.values().isEmpty() ? 0.0 : median.values().get(0));
      case MOST_FREQUENT:
        TopValuesFn.TopValues top = (TopValuesFn.TopValues) analyzed;
        String text = top.values().isEmpty() ? null : top.values().get(0);
        return Constants.fill(top.count(), parse(input, text));
      default:
        return Constants.fill(null, input == ValueKind.NUMBER ? ((Number) value).doubleValue() : value);
    }
  }

  private static Object parse(ValueKind kind, String text) {
    switch (kind) {
      case NUMBER:
        return text == null ? 0.0 : Double.parseDouble(text);
      case INTEGER:
        return text == null ? 0L : Long.parseLong(text);
      default:
        return text == null ? "" : text;
    }
  }

  @Override
  public Mapper bind(Constants constants) {
    Object fill = constants.fill();
    boolean toNumber = strategy == Strategy.MEAN || strategy == Strategy.MEDIAN;
    return (value, events) -> value == null ? fill : toNumber ? (Object) ValueKind.asNumber(value) : value;
  }
}
