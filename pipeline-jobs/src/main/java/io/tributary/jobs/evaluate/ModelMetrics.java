package io.tributary.jobs.evaluate;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.tributary.transforms.evaluate.SliceKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One model's part of {@code metrics.json}: which model and transform scored the rows, how many
 * rows were scored and how many could not be (dead letters, in {@code errors/}), and the metrics of
 * every slice, overall first.
 */
@JsonPropertyOrder({"model", "transform", "scored", "deadLetters", "slices"})
public record ModelMetrics(String model, String transform, long scored, long deadLetters, List<SliceMetrics> slices) {

  public ModelMetrics {
    slices = List.copyOf(slices);
  }

  /** Metric name to value, per slice, as {@code ThresholdJudge} takes them. */
  public Map<SliceKey, Map<String, Double>> bySlice() {
    Map<SliceKey, Map<String, Double>> values = new LinkedHashMap<>();
    slices.forEach(slice -> values.put(slice.key(), slice.metrics().byName()));
    return values;
  }

  public Optional<SliceMetrics> slice(SliceKey key) {
    return slices.stream().filter(s -> s.key().equals(key)).findFirst();
  }
}
