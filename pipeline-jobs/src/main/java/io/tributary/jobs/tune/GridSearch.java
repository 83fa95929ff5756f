package io.tributary.jobs.tune;

import io.tributary.transforms.train.HyperParameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Every combination of the listed values, the last hyper-parameter (by name) varying fastest;
 * the first {@code budget} combinations when there are more. Each range must be a value list.
 */
final class GridSearch implements Search {

  @Override
  public List<Map<String, Number>> trials(
      SortedMap<String, ParameterRange> ranges, Map<String, HyperParameter> declared, int budget, long seed) {
    List<Map<String, Number>> grid = new ArrayList<>();
    grid.add(Map.of());
    for (Map.Entry<String, ParameterRange> range : ranges.entrySet()) {
      List<Map<String, Number>> longer = new ArrayList<>();
      for (Map<String, Number> point : grid) {
        for (Number value : range.getValue().values()) {
          Map<String, Number> extended = new LinkedHashMap<>(point);
          extended.put(range.getKey(), value);
          longer.add(extended);
        }
      }
      grid = longer;
    }
    return List.copyOf(grid.subList(0, Math.min(budget, grid.size())));
  }

  /** How many combinations the ranges make ({@link Long#MAX_VALUE} when more). */
  static long size(SortedMap<String, ParameterRange> ranges) {
    long size = 1;
    for (ParameterRange range : ranges.values()) {
      long values = range.values().size();
      size = values != 0 && size > Long.MAX_VALUE / values ? Long.MAX_VALUE : size * values;
    }
    return size;
  }
}
