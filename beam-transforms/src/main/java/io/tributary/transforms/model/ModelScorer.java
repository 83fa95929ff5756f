package io.tributary.transforms.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * Scores transformed records with a saved model, the one place a model's output becomes a {@link
 * Score}: {@link Predictor} (serving, BulkInferrer, the Evaluator) and the Trainer's own evaluation
 * all go through it, so a model predicts the same label everywhere.
 *
 * <p>A binary classifier whose {@code model.json} has a {@code decisionThreshold} predicts its
 * {@code positiveClass} when that class's probability is at least the threshold, and the other
 * class otherwise; any other classifier predicts its most probable class, as Tribuo does.
 *
 * <pre>{@code
 * ModelScorer scorer = ModelScorer.of(saved);
 * Score score = scorer.score(row::getValue);    // a row of the transform's output
 * }</pre>
 */
public final class ModelScorer {

  private final List<String> features;
  private final Model<Label> classifier;
  private final Model<Regressor> regressor;
  private final String positiveClass;
  private final Double threshold;

  private ModelScorer(SavedModel saved) {
    ModelDescriptor descriptor = saved.descriptor();
    this.features = descriptor.features();
    boolean classification = descriptor.task() == Task.CLASSIFICATION;
    this.classifier = classification ? saved.model().castModel(Label.class) : null;
    this.regressor = classification ? null : saved.model().castModel(Regressor.class);
    this.positiveClass = descriptor.positiveClass();
    this.threshold = descriptor.decisionThreshold();
  }

  public static ModelScorer of(SavedModel saved) {
    return new ModelScorer(saved);
  }

  /**
   * Scores one transformed record, given as a column lookup.
   *
   * @throws IllegalArgumentException when a feature is missing or not a number
   */
  public Score score(Function<String, Object> column) {
    if (classifier == null) {
      Prediction<Regressor> prediction =
          regressor.predict(FeatureVector.example(RegressionFactory.UNKNOWN_REGRESSOR, features, column));
      return Score.ofValue(prediction.getOutput().getValues()[0]);
    }
    Prediction<Label> prediction = classifier.predict(FeatureVector.example(LabelFactory.UNKNOWN_LABEL, features, column));
    Map<String, Double> probabilities = new HashMap<>();
    prediction.getOutputScores().forEach((name, label) -> probabilities.put(name, label.getScore()));
    return Score.ofClass(decide(prediction.getOutput().getLabel(), probabilities), probabilities);
  }

  /** The most probable class, unless a decision threshold says otherwise. */
  private String decide(String mostProbable, Map<String, Double> probabilities) {
    if (threshold == null) {
      return mostProbable;
    }
    double positive = probabilities.getOrDefault(positiveClass, 0.0);
    if (positive >= threshold) {
      return positiveClass;
    }
    for (String other : probabilities.keySet()) {
      if (!other.equals(positiveClass)) {
        return other;
      }
    }
    return mostProbable;
  }
}
