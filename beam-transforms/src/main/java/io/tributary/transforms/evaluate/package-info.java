/**
 * Evaluator: model quality metrics over scored rows ({@code BulkInferrer} output: the label
 * column, {@code prediction}, {@code probabilities}), overall and per slice, as mergeable {@code
 * CombineFn}s with explicit coders.
 *
 * <ul>
 *   <li>{@link io.tributary.transforms.evaluate.Evaluate}: the entry points; {@link
 *       io.tributary.transforms.evaluate.SlicedEvaluation} the transform they return.
 *   <li>{@link io.tributary.transforms.evaluate.Slice} (which rows: overall, per value of a column,
 *       per pair of values of two) and {@link io.tributary.transforms.evaluate.SliceKey} (one
 *       slice's values).
 *   <li>{@link io.tributary.transforms.evaluate.ConfusionAccumulator} and {@link
 *       io.tributary.transforms.evaluate.ClassificationMetrics}: accuracy, per-class precision,
 *       recall, F1 and ROC AUC, macro averages, log loss, confusion matrix.
 *   <li>{@link io.tributary.transforms.evaluate.RegressionAccumulator} and {@link
 *       io.tributary.transforms.evaluate.RegressionMetrics}: RMSE, MAE, R².
 * </ul>
 *
 * <p>Thresholds and the blessing decision, which need no Beam, are in {@link
 * io.tributary.transforms.evaluate.blessing}.
 */
package io.tributary.transforms.evaluate;
