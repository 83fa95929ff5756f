package io.tributary.transforms.train;

import java.util.Map;
import java.util.TreeMap;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.WeightedExamples;
import org.tribuo.classification.Label;

/**
 * A classifier's imbalance settings, resolved against its training rows: the weight of each class,
 * and for a binary classifier the positive class and the decision threshold. Checked here, each
 * failing with the fix: a threshold or positive class needs exactly two classes, the positive class
 * must be one of them, weights need a trainer that reads example weights (Tribuo's {@link
 * WeightedExamples}: not {@code random_forest}), and a threshold needs a model that gives
 * probabilities.
 *
 * @param weights class to weight, or null when unweighted
 * @param positiveClass the class the threshold is on, or null
 * @param threshold the decision threshold, or null
 */
record Decision(Map<String, Double> weights, String positiveClass, Double threshold) {

  static final Decision NONE = new Decision(null, null, null);

  static Decision of(TrainerConfig config, MutableDataset<Label> dataset) {
    if (!config.hasDecisionSettings()) {
      return NONE;
    }
    TreeMap<String, Long> rowsPerClass = new TreeMap<>();
    for (Example<Label> example : dataset) {
      rowsPerClass.merge(example.getOutput().getLabel(), 1L, Long::sum);
    }
    String positive = null;
    if (config.positiveClass() != null || config.decisionThreshold() != null) {
      if (rowsPerClass.size() != 2) {
        throw new IllegalArgumentException(
            "positiveClass and decisionThreshold are for two classes, but the training rows have " + rowsPerClass.size()
                + " " + rowsPerClass.keySet() + ": remove them (classWeights work with any number of classes)");
      }
      positive = config.positiveClass() != null ? config.positiveClass() : rowsPerClass.lastKey();
      if (!rowsPerClass.containsKey(positive)) {
        throw new IllegalArgumentException(
            "positiveClass '" + positive + "' is not a class of the training rows: they are " + rowsPerClass.keySet());
      }
    }
    Map<String, Double> weights = config.classWeights() == null ? null : config.classWeights().resolve(rowsPerClass);
    return new Decision(weights, positive, config.decisionThreshold());
  }

  /** Sets every training row's weight to its class's, if there are weights and the trainer reads them. */
  void weigh(org.tribuo.Trainer<Label> trainer, Algorithm algorithm, MutableDataset<Label> dataset) {
    if (weights == null) {
      return;
    }
    if (!(trainer instanceof WeightedExamples)) {
      throw new IllegalArgumentException(
          algorithm.id() + " ignores example weights, so classWeights would change nothing: use logistic_regression,"
              + " cart or xgboost, or a decisionThreshold instead");
    }
    for (Example<Label> example : dataset) {
      example.setWeight(weights.get(example.getOutput().getLabel()).floatValue());
    }
  }

  /** Fails when a threshold is set on a model whose scores are not probabilities. */
  void checkProbabilities(Model<Label> model, Algorithm algorithm) {
    if (threshold != null && !model.generatesProbabilities()) {
      throw new IllegalArgumentException(
          algorithm.id() + " gives no probabilities, so a decisionThreshold cannot apply: use another algorithm");
    }
  }
}
