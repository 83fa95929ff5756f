package io.tributary.transforms.train;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * How much each class's training rows weigh, so that a rare class is not traded away for accuracy
 * on the common one. In a trainer config either {@code balanced} or a map of class to weight:
 *
 * <pre>
 * classWeights: balanced             # each class weighs rows / (classes * rows of the class)
 * classWeights: {"yes": 10, "no": 1}  # explicit; a class left out weighs 1
 * </pre>
 *
 * <p>{@code balanced} is scikit-learn's rule: every class then carries the same total weight.
 * Weights are applied to the training rows; the algorithms whose Tribuo trainers read example
 * weights ({@code logistic_regression}, {@code cart}, {@code xgboost}) honour them, and {@code
 * random_forest}, whose bagging trainer ignores them, is refused with the fix.
 *
 * @param balanced whether the weights are the balanced ones
 * @param explicit class to weight when not balanced, else empty
 */
public record ClassWeights(boolean balanced, Map<String, Double> explicit) {

  /** The config word for balanced weights. */
  public static final String BALANCED = "balanced";

  public ClassWeights {
    explicit = explicit == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(explicit));
    if (balanced && !explicit.isEmpty()) {
      throw new IllegalArgumentException("classWeights is either 'balanced' or a map of class to weight, not both");
    }
    if (!balanced && explicit.isEmpty()) {
      throw new IllegalArgumentException("classWeights is empty: write 'balanced', or map classes to weights");
    }
    explicit.forEach((name, weight) -> {
      if (weight == null || !(weight > 0) || Double.isInfinite(weight)) {
        throw new IllegalArgumentException(
            "classWeights gives class '" + name + "' the weight " + weight + ": use a positive number");
      }
    });
  }

  public static ClassWeights balancedWeights() {
    return new ClassWeights(true, null);
  }

  public static ClassWeights of(Map<String, Double> weights) {
    return new ClassWeights(false, weights);
  }

  /** Reads {@code balanced} or a mapping of class to number. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static ClassWeights fromJson(JsonNode node) {
    if (node.isTextual()) {
      if (!BALANCED.equalsIgnoreCase(node.asText())) {
        throw new IllegalArgumentException(
            "classWeights: '" + node.asText() + "' is not known: write 'balanced', or map classes to weights");
      }
      return balancedWeights();
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException("classWeights is 'balanced' or a map of class to weight, not " + node);
    }
    Map<String, Double> weights = new TreeMap<>();
    node.fields().forEachRemaining(field -> {
      if (!field.getValue().isNumber()) {
        throw new IllegalArgumentException(
            "classWeights gives class '" + field.getKey() + "' the weight '" + field.getValue().asText() + "': use a number");
      }
      weights.put(field.getKey(), field.getValue().doubleValue());
    });
    return of(weights);
  }

  /** {@code "balanced"}, or the map. */
  @JsonValue
  Object toJson() {
    return balanced ? BALANCED : explicit;
  }

  /**
   * The weight of every class, given the number of training rows of each; fails naming the classes
   * there are when an explicit weight names another.
   */
  public Map<String, Double> resolve(Map<String, Long> rowsPerClass) {
    Map<String, Double> weights = new TreeMap<>();
    long rows = rowsPerClass.values().stream().mapToLong(Long::longValue).sum();
    for (String name : explicit.keySet()) {
      if (!rowsPerClass.containsKey(name)) {
        throw new IllegalArgumentException(
            "classWeights names class '" + name + "', which no training row has; the classes are " + rowsPerClass.keySet());
      }
    }
    rowsPerClass.forEach((name, count) -> weights.put(
        name, balanced ? (double) rows / ((double) rowsPerClass.size() * count) : explicit.getOrDefault(name, 1.0)));
    return weights;
  }
}
