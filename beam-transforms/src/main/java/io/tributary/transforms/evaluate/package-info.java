/**
 * Evaluator (started): model quality metrics as mergeable {@code CombineFn}s over scored rows
 * ({@code BulkInferrer} output: the label column, {@code prediction}, {@code probabilities}).
 *
 * <ul>
 *   <li>{@link io.tributary.transforms.evaluate.Evaluate}: the entry points.
 *   <li>{@link io.tributary.transforms.evaluate.ConfusionAccumulator} and {@link
 *       io.tributary.transforms.evaluate.ClassificationMetrics}: accuracy, per-class precision,
 *       recall and F1, macro averages, log loss, confusion matrix.
 *   <li>{@link io.tributary.transforms.evaluate.RegressionAccumulator} and {@link
 *       io.tributary.transforms.evaluate.RegressionMetrics}: RMSE, MAE, R².
 * </ul>
 */
package io.tributary.transforms.evaluate;
