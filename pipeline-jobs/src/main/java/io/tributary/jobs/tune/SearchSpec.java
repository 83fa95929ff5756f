package io.tributary.jobs.tune;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.tributary.transforms.train.Algorithm;
import io.tributary.transforms.train.HyperParameter;
import io.tributary.transforms.train.TrainerConfig;
import io.tributary.transforms.transform.Bounds;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The {@code search} section of a tune config: how trials choose hyper-parameters, what they are
 * scored on, and how many there are.
 *
 * <pre>{@code
 * search:
 *   strategy: random          # or grid (every combination of value lists)
 *   metric: prAuc             # on the eval split: accuracy, macroPrecision, macroRecall, macroF1,
 *                             # logLoss, rocAuc, prAuc; rmse, mae, r2 ({@link Direction#METRICS})
 *   direction: maximize       # default: the metric's own (minimize for logLoss, rmse and mae)
 *   trials: 20                # budget; grid default: the whole grid; random default: 10
 *   seed: 7                   # random draws (default 0)
 *   parameters:
 *     maxDepth: [2, 4, 8]
 *     eta: {min: 0.01, max: 0.5, scale: log}
 *     decisionThreshold: [0.2, 0.35, 0.5]   # binary classifiers: the threshold is searched too
 * }</pre>
 *
 * @param strategy grid or random
 * @param parameters the searched hyper-parameters by name (sorted)
 * @param metric the metric the best trial is chosen by
 * @param direction whether the metric is better high or low
 * @param trials the trial budget, or null for the default
 * @param seed the seed of random draws
 */
@JsonPropertyOrder({"strategy", "metric", "direction", "trials", "seed", "parameters"})
public record SearchSpec(
    Strategy strategy, SortedMap<String, ParameterRange> parameters, String metric, Direction direction, Integer trials,
    Long seed) {

  /** Random search's budget when {@code trials} is not set. */
  public static final int DEFAULT_RANDOM_TRIALS = 10;

  /** The largest trial budget: each trial trains a model. */
  public static final int MAX_TRIALS = 10_000;

  /** The largest grid: every combination is listed before the first trial runs. */
  public static final long MAX_GRID = 100_000;

  public SearchSpec {
    if (strategy == null) {
      throw new IllegalArgumentException("the search needs 'strategy': grid or random");
    }
    if (parameters == null || parameters.isEmpty()) {
      throw new IllegalArgumentException("the search needs 'parameters': the hyper-parameters to search and their values");
    }
    parameters = Collections.unmodifiableSortedMap(new TreeMap<>(parameters));
    if (metric == null || metric.isBlank()) {
      throw new IllegalArgumentException(
          "the search needs 'metric': one of " + Direction.METRICS);
    }
    Direction natural = Direction.of(metric); // also rejects a metric the evaluation does not report
    direction = direction == null ? natural : direction;
    if (trials != null && trials < 1) {
      throw new IllegalArgumentException("'trials' is " + trials + ": the budget is at least 1 trial");
    }
    if (trials != null) {
      Bounds.atMost("trials", trials, MAX_TRIALS, "each trial trains a model");
    }
    seed = seed == null ? 0L : seed;
    if (strategy == Strategy.GRID) {
      String ranges =
          parameters.entrySet().stream().filter(e -> !e.getValue().isList()).map(Map.Entry::getKey)
              .collect(Collectors.joining(", "));
      if (!ranges.isEmpty()) {
        throw new IllegalArgumentException(
            "grid search takes a list of values per hyper-parameter, but " + ranges
                + " has min/max: list values (e.g. [10, 50]) or use strategy: random");
      }
      Bounds.atMost("the grid (the product of the numbers of values)", GridSearch.size(parameters), MAX_GRID,
          "every combination is listed before the first trial; list fewer values or use strategy: random");
    }
  }

  /** How many trials run: the budget, capped by the grid's size for a grid. */
  public int budget() {
    if (strategy == Strategy.GRID) {
      long size = GridSearch.size(parameters);
      return (int) Math.min(trials == null ? size : trials, size);
    }
    return trials == null ? DEFAULT_RANDOM_TRIALS : trials;
  }

  /** The grid's size for a grid search, else 0. */
  public long gridSize() {
    return strategy == Strategy.GRID ? GridSearch.size(parameters) : 0;
  }

  /**
   * Fails unless every searched hyper-parameter belongs to {@code algorithm} (or is {@value
   * TrainerConfig#DECISION_THRESHOLD}) and every listed value and range end is allowed for it
   * (whole numbers for integer hyper-parameters).
   */
  public void check(Algorithm algorithm) {
    parameters.forEach((name, range) ->
        range.bounds().forEach(value -> TrainerConfig.checkSearchable(algorithm, name, value)));
  }

  /** The searched hyper-parameters of each trial, in trial order. */
  public List<Map<String, Number>> trials(Algorithm algorithm) {
    check(algorithm);
    Map<String, HyperParameter> declared = TrainerConfig.searchable(algorithm);
    return strategy.search().trials(parameters, declared, budget(), seed);
  }
}
