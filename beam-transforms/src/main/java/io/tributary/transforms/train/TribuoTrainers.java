package io.tributary.transforms.train;

import java.util.Map;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.math.optimisers.SGD;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.ensemble.AveragingCombiner;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;
import org.tribuo.regression.sgd.objectives.SquaredLoss;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer;

/**
 * Builds the Tribuo trainer of an {@link Algorithm} from resolved hyper-parameters and a seed.
 * XGBoost runs on one thread so that the same data and seed give the same trees.
 */
final class TribuoTrainers {

  /** SGD models log progress every this many examples: never, in practice. */
  private static final int NO_LOGGING = Integer.MAX_VALUE;

  private TribuoTrainers() {}

  static Trainer<Label> classifier(Algorithm algorithm, Map<String, Number> p, long seed) {
    return switch (algorithm) {
      case LOGISTIC_REGRESSION ->
          new org.tribuo.classification.sgd.linear.LinearSGDTrainer(
              new LogMulticlass(), new AdaGrad(dbl(p, "learningRate")), integer(p, "epochs"), NO_LOGGING,
              integer(p, "minibatchSize"), seed);
      case CART -> classificationTree(p, 1.0f, seed);
      case RANDOM_FOREST ->
          new RandomForestTrainer<>(
              classificationTree(p, (float) dbl(p, "fractionFeaturesInSplit"), seed),
              new FullyWeightedVotingCombiner(), integer(p, "numTrees"), seed);
      case XGBOOST ->
          new XGBoostClassificationTrainer(
              integer(p, "numTrees"), dbl(p, "eta"), dbl(p, "gamma"), integer(p, "maxDepth"), dbl(p, "minChildWeight"),
              dbl(p, "subsample"), dbl(p, "featureSubsample"), dbl(p, "lambda"), dbl(p, "alpha"), 1, true, seed);
      case LINEAR_SGD -> throw new IllegalArgumentException("linear_sgd is for regression; classify with logistic_regression");
    };
  }

  static Trainer<Regressor> regressor(Algorithm algorithm, Map<String, Number> p, long seed) {
    return switch (algorithm) {
      case LINEAR_SGD ->
          new org.tribuo.regression.sgd.linear.LinearSGDTrainer(
              new SquaredLoss(), SGD.getSimpleSGD(dbl(p, "learningRate")), integer(p, "epochs"), NO_LOGGING,
              integer(p, "minibatchSize"), seed);
      case CART -> regressionTree(p, 1.0f, seed);
      case RANDOM_FOREST ->
          new RandomForestTrainer<>(
              regressionTree(p, (float) dbl(p, "fractionFeaturesInSplit"), seed),
              new AveragingCombiner(), integer(p, "numTrees"), seed);
      case XGBOOST ->
          new XGBoostRegressionTrainer(
              XGBoostRegressionTrainer.RegressionType.LINEAR, integer(p, "numTrees"), dbl(p, "eta"), dbl(p, "gamma"),
              integer(p, "maxDepth"), dbl(p, "minChildWeight"), dbl(p, "subsample"), dbl(p, "featureSubsample"),
              dbl(p, "lambda"), dbl(p, "alpha"), 1, true, seed);
      case LOGISTIC_REGRESSION ->
          throw new IllegalArgumentException("logistic_regression is for classification; use linear_sgd");
    };
  }

  private static CARTClassificationTrainer classificationTree(Map<String, Number> p, float fraction, long seed) {
    return new CARTClassificationTrainer(
        integer(p, "maxDepth"), (float) dbl(p, "minChildWeight"), 0.0f, fraction, false, new GiniIndex(), seed);
  }

  private static CARTRegressionTrainer regressionTree(Map<String, Number> p, float fraction, long seed) {
    return new CARTRegressionTrainer(
        integer(p, "maxDepth"), (float) dbl(p, "minChildWeight"), 0.0f, fraction, false, new MeanSquaredError(), seed);
  }

  private static int integer(Map<String, Number> p, String name) {
    return p.get(name).intValue();
  }

  private static double dbl(Map<String, Number> p, String name) {
    return p.get(name).doubleValue();
  }
}
