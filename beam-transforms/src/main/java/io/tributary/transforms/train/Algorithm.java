package io.tributary.transforms.train;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.tributary.transforms.model.Task;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The algorithms the Trainer offers, the tasks each can do, and their hyper-parameters with
 * defaults chosen not to underfit typical tabular data (standardised numbers, one-hot
 * categories). {@link TribuoTrainers} builds the Tribuo trainer of each.
 *
 * <table>
 *   <caption>Algorithms</caption>
 *   <tr><th>id</th><th>tasks</th><th>Tribuo</th></tr>
 *   <tr><td>{@code logistic_regression}</td><td>classification</td><td>linear SGD, log loss, AdaGrad</td></tr>
 *   <tr><td>{@code linear_sgd}</td><td>regression</td><td>linear SGD, squared loss, constant step
 *       (AdaGrad's shrinking steps never reach an unscaled label such as 4,000 g)</td></tr>
 *   <tr><td>{@code cart}</td><td>both</td><td>one CART tree</td></tr>
 *   <tr><td>{@code random_forest}</td><td>both</td><td>bagged CART trees on random feature subsets</td></tr>
 *   <tr><td>{@code xgboost}</td><td>both</td><td>gradient-boosted trees (XGBoost 1.6, one thread)</td></tr>
 * </table>
 */
public enum Algorithm {
  LOGISTIC_REGRESSION(EnumSet.of(Task.CLASSIFICATION), sgd(1.0, "AdaGrad's initial learning rate")),
  LINEAR_SGD(EnumSet.of(Task.REGRESSION), sgd(0.01, "plain SGD's constant learning rate")),
  CART(
      EnumSet.allOf(Task.class),
      List.of(
          HyperParameter.integer("maxDepth", 8, 1, Algorithm.MAX_DEPTH, "deepest level of the tree"),
          HyperParameter.real("minChildWeight", 5.0, 0.0, Double.MAX_VALUE, "smallest total weight of a leaf"))),
  RANDOM_FOREST(
      EnumSet.allOf(Task.class),
      List.of(
          HyperParameter.integer("numTrees", 50, 1, Algorithm.MAX_TREES, "trees in the forest, each trained in turn and kept in memory"),
          HyperParameter.integer("maxDepth", 10, 1, Algorithm.MAX_DEPTH, "deepest level of each tree"),
          HyperParameter.real("minChildWeight", 2.0, 0.0, Double.MAX_VALUE, "smallest total weight of a leaf"),
          HyperParameter.real(
              "fractionFeaturesInSplit", 0.5, 0.01, 0.99, "share of the features each split may choose from"))),
  XGBOOST(
      EnumSet.allOf(Task.class),
      List.of(
          HyperParameter.integer("numTrees", 50, 1, Algorithm.MAX_TREES, "boosting rounds, each a tree kept in memory"),
          HyperParameter.real("eta", 0.3, 0.0, 1.0, "learning rate"),
          HyperParameter.integer("maxDepth", 6, 1, Algorithm.MAX_DEPTH, "deepest level of each tree"),
          HyperParameter.real("minChildWeight", 1.0, 0.0, Double.MAX_VALUE, "smallest total hessian of a leaf"),
          HyperParameter.real("gamma", 0.0, 0.0, Double.MAX_VALUE, "smallest loss reduction to split"),
          HyperParameter.real("subsample", 1.0, 0.01, 1.0, "share of rows per tree"),
          HyperParameter.real("featureSubsample", 1.0, 0.01, 1.0, "share of features per tree"),
          HyperParameter.real("lambda", 1.0, 0.0, Double.MAX_VALUE, "L2 regularisation"),
          HyperParameter.real("alpha", 0.0, 0.0, Double.MAX_VALUE, "L1 regularisation")));

  private final Set<Task> tasks;
  private final List<HyperParameter> hyperParameters;

  /** The most trees (forest or boosting rounds): each is trained in turn and held in memory. */
  public static final int MAX_TREES = 10_000;
  /** The deepest tree: a tree of depth d may hold 2^d leaves. */
  public static final int MAX_DEPTH = 64;
  /** The most passes of SGD over the training data. */
  public static final int MAX_EPOCHS = 10_000;
  /** The largest SGD minibatch. */
  public static final int MAX_MINIBATCH = 1_000_000;

  Algorithm(Set<Task> tasks, List<HyperParameter> hyperParameters) {
    this.tasks = tasks;
    this.hyperParameters = hyperParameters;
  }

  private static List<HyperParameter> sgd(double learningRate, String meaning) {
    return List.of(
        HyperParameter.integer("epochs", 50, 1, Algorithm.MAX_EPOCHS, "passes over the training data"),
        HyperParameter.real("learningRate", learningRate, 1e-9, Double.MAX_VALUE, meaning),
        HyperParameter.integer("minibatchSize", 1, 1, Algorithm.MAX_MINIBATCH, "examples per gradient step"));
  }

  /** The id used in configs and {@code model.json}: {@code logistic_regression}, {@code xgboost}, ... */
  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Algorithm fromId(String id) {
    for (Algorithm algorithm : values()) {
      if (algorithm.id().equalsIgnoreCase(id)) {
        return algorithm;
      }
    }
    throw new IllegalArgumentException(
        "unknown algorithm '" + id + "': use one of "
            + Arrays.stream(values()).map(Algorithm::id).collect(Collectors.joining(", ")));
  }

  /** The default algorithm of a task: logistic regression, or linear SGD. */
  public static Algorithm defaultFor(Task task) {
    return task == Task.CLASSIFICATION ? LOGISTIC_REGRESSION : LINEAR_SGD;
  }

  public Set<Task> tasks() {
    return tasks;
  }

  public List<HyperParameter> hyperParameters() {
    return hyperParameters;
  }

  /** Fails, naming the algorithms that can, unless this algorithm does {@code task}. */
  public void checkTask(Task task) {
    if (!tasks.contains(task)) {
      throw new IllegalArgumentException(
          "algorithm " + id() + " does not do " + task.id() + ": use one of "
              + Arrays.stream(values()).filter(a -> a.tasks.contains(task)).map(Algorithm::id).collect(Collectors.joining(", ")));
    }
  }

  /**
   * Every hyper-parameter of this algorithm: the given values, checked, and the defaults for the
   * rest, sorted by name. An unknown name is an error listing the known ones.
   */
  public Map<String, Number> resolve(Map<String, Number> given) {
    Map<String, Number> resolved = new TreeMap<>();
    for (HyperParameter parameter : hyperParameters) {
      Number value = given.get(parameter.name());
      resolved.put(parameter.name(), value == null ? parameter.defaultValue() : parameter.check(value));
    }
    for (String name : given.keySet()) {
      if (!resolved.containsKey(name)) {
        throw new IllegalArgumentException(
            "algorithm " + id() + " has no hyper-parameter '" + name + "': it has "
                + hyperParameters.stream().map(HyperParameter::name).collect(Collectors.joining(", ")));
      }
    }
    return resolved;
  }
}
