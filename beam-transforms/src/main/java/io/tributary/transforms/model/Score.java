package io.tributary.transforms.model;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One prediction: for classification the label and the probability of each class (sorted by
 * class name), for regression the value.
 *
 * @param label the predicted class, or null for regression
 * @param probabilities class to probability, or an empty map for regression
 * @param value the predicted number, or null for classification
 */
public record Score(String label, Map<String, Double> probabilities, Double value) {

  public Score {
    probabilities = probabilities == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(probabilities));
  }

  public static Score ofClass(String label, Map<String, Double> probabilities) {
    return new Score(label, probabilities, null);
  }

  public static Score ofValue(double value) {
    return new Score(null, null, value);
  }
}
