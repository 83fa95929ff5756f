package io.tributary.jobs.tune;

import io.tributary.transforms.train.HyperParameter;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/** A way to choose the hyper-parameters of each trial: {@link GridSearch} or {@link RandomSearch}. */
interface Search {

  /**
   * The hyper-parameters of each trial, in trial order: at most {@code budget} maps of searched
   * name to value. The same arguments always give the same list.
   *
   * @param ranges the searched hyper-parameters by name
   * @param declared the algorithm's hyper-parameters by name (whether each is a whole number)
   */
  List<Map<String, Number>> trials(
      SortedMap<String, ParameterRange> ranges, Map<String, HyperParameter> declared, int budget, long seed);
}
