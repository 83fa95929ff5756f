package io.tributary.jobs.tune;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * One trial of a search, as {@code trials.json} records it.
 *
 * @param trial the trial's number, from 0, in the order the search chose them
 * @param hyperParameters every hyper-parameter the trial trained with (defaults included)
 * @param value the tuned metric on the eval split, or null when the trial failed
 * @param metrics every metric of the eval split
 * @param durationMs how long training and scoring took
 * @param error why the trial failed, or null
 */
@JsonPropertyOrder({"trial", "hyperParameters", "value", "metrics", "durationMs", "error"})
public record Trial(
    int trial, Map<String, Number> hyperParameters, Double value, Map<String, Double> metrics, long durationMs,
    String error) {

  public boolean succeeded() {
    return error == null;
  }
}
