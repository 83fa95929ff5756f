package io.tributary.transforms.evaluate.blessing;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * Whether a candidate model is blessed: it is when every check passed — the thresholds' ({@link
 * ThresholdJudge}) and the naive baseline's ({@link NaiveBaseline}); with no checks at all, it is. {@link ThresholdJudge} decides it.
 *
 * @param blessed every check passed
 * @param checks every check made, in the order of the thresholds, then of the slices
 * @param skipped what was not checked and why (change thresholds without a baseline)
 */
@JsonPropertyOrder({"blessed", "checks", "skipped"})
public record Blessing(boolean blessed, List<ThresholdCheck> checks, List<String> skipped) {

  public Blessing {
    checks = List.copyOf(checks);
    skipped = List.copyOf(skipped);
  }

  /** This blessing with {@code more} checks (e.g. {@link NaiveBaseline}'s): blessed only if they pass too. */
  public Blessing and(List<ThresholdCheck> more) {
    List<ThresholdCheck> all = new java.util.ArrayList<>(checks);
    all.addAll(more);
    return new Blessing(blessed && more.stream().allMatch(ThresholdCheck::passed), all, skipped);
  }

  /** One line per failed check: why the model is not blessed (empty when it is). */
  public List<String> reasons() {
    return checks.stream().filter(c -> !c.passed()).map(ThresholdCheck::message).toList();
  }

  /** A one-line summary, e.g. {@code 3 of 3 threshold checks passed; 1 skipped (no baseline)}. */
  public String summary() {
    long passed = checks.stream().filter(ThresholdCheck::passed).count();
    String text = checks.isEmpty() ? "no thresholds configured" : passed + " of " + checks.size() + " threshold checks passed";
    return skipped.isEmpty() ? text : text + "; " + skipped.size() + " skipped (" + String.join("; ", skipped) + ")";
  }
}
