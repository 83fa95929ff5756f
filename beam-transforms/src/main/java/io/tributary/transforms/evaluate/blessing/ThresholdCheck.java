package io.tributary.transforms.evaluate.blessing;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The outcome of one threshold on one slice.
 *
 * @param kind {@value #VALUE} (bounds on the candidate's value) or {@value #CHANGE} (against the baseline)
 * @param metric the metric's name
 * @param slice the slice's text, e.g. {@code Overall} or {@code island=Biscoe}
 * @param candidate the candidate's value; null when it could not be computed or the slice is empty
 * @param baseline the baseline's value for change checks, else null
 * @param bound the condition, in words, e.g. {@code >= 0.9} or {@code change >= -0.01 (higher is better)}
 * @param passed whether the condition holds
 * @param message one line saying what was measured and, when it failed, why
 */
@JsonPropertyOrder({"kind", "metric", "slice", "candidate", "baseline", "bound", "passed", "message"})
public record ThresholdCheck(
    String kind, String metric, String slice, Double candidate, Double baseline, String bound, boolean passed,
    String message) {

  public static final String VALUE = "value";
  public static final String CHANGE = "change";
}
