package io.tributary.transforms.split;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Named splits and their relative sizes, in order: {@code train:2,eval:1} sends two thirds of the
 * examples to {@code train} and one third to {@code eval}. Split names are letters, digits, {@code
 * _} and {@code -}, since they become folder names ({@code Split-train}).
 */
public final class SplitRatios implements Serializable {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");

  private final List<String> names;
  private final long[] weights;
  private final double[] upperBounds;

  private SplitRatios(Map<String, Long> ratios) {
    if (ratios.isEmpty()) {
      throw new IllegalArgumentException("no splits given: name at least one, e.g. train:2,eval:1");
    }
    names = List.copyOf(ratios.keySet());
    weights = ratios.values().stream().mapToLong(Long::longValue).toArray();
    long total = 0;
    for (int i = 0; i < weights.length; i++) {
      if (!NAME.matcher(names.get(i)).matches()) {
        throw new IllegalArgumentException(
            "split name '" + names.get(i) + "' may only hold letters, digits, '_' and '-'");
      }
      if (weights[i] <= 0) {
        throw new IllegalArgumentException(
            "split '" + names.get(i) + "' has weight " + weights[i] + ": weights must be positive");
      }
      total += weights[i];
    }
    upperBounds = new double[weights.length];
    long cumulative = 0;
    for (int i = 0; i < weights.length; i++) {
      cumulative += weights[i];
      upperBounds[i] = (double) cumulative / total;
    }
    upperBounds[weights.length - 1] = 1.0;
  }

  /** The TFX default: {@code train:2,eval:1}. */
  public static SplitRatios defaults() {
    return parse("train:2,eval:1");
  }

  public static SplitRatios of(Map<String, Long> ratios) {
    return new SplitRatios(new LinkedHashMap<>(ratios));
  }

  /** Parses {@code name:weight,name:weight,...}. */
  public static SplitRatios parse(String spec) {
    Map<String, Long> ratios = new LinkedHashMap<>();
    for (String part : spec.split(",")) {
      String[] nameAndWeight = part.strip().split(":");
      if (nameAndWeight.length != 2) {
        throw new IllegalArgumentException(
            "split ratio '" + part + "' is not name:weight (e.g. train:2,eval:1)");
      }
      long weight;
      try {
        weight = Long.parseLong(nameAndWeight[1].strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "split ratio '" + part + "' has a weight that is not a whole number");
      }
      if (ratios.put(nameAndWeight[0].strip(), weight) != null) {
        throw new IllegalArgumentException("split '" + nameAndWeight[0].strip() + "' is named twice");
      }
    }
    return new SplitRatios(ratios);
  }

  public List<String> names() {
    return names;
  }

  /** The share of examples split {@code index} is meant to get, between 0 and 1. */
  public double share(int index) {
    return index == 0 ? upperBounds[0] : upperBounds[index] - upperBounds[index - 1];
  }

  /** The split a uniform number in [0, 1) falls into. */
  int indexOf(double unit) {
    for (int i = 0; i < upperBounds.length; i++) {
      if (unit < upperBounds[i]) {
        return i;
      }
    }
    return upperBounds.length - 1;
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      parts.add(names.get(i) + ":" + weights[i]);
    }
    return String.join(",", parts);
  }
}
