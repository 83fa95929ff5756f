package io.tributary.jobs.tune;

import io.tributary.transforms.train.HyperParameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SplittableRandom;

/**
 * {@code budget} independent draws: a value list is sampled uniformly, a {@code min}/{@code max}
 * range on its {@link Scale}. All draws come from one generator seeded with the search seed, in
 * trial order and hyper-parameter name order, before any trial runs: the trials are the same for
 * the same seed however the trials are later scheduled.
 */
final class RandomSearch implements Search {

  @Override
  public List<Map<String, Number>> trials(
      SortedMap<String, ParameterRange> ranges, Map<String, HyperParameter> declared, int budget, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Map<String, Number>> trials = new ArrayList<>();
    for (int trial = 0; trial < budget; trial++) {
      Map<String, Number> values = new LinkedHashMap<>();
      ranges.forEach((name, range) -> values.put(name, range.sample(random, declared.get(name).integer())));
      trials.add(values);
    }
    return List.copyOf(trials);
  }
}
