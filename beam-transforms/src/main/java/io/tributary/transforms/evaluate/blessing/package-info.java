/**
 * Blessing: whether a candidate model may be pushed, decided from its evaluation metrics per slice
 * and, when there is one, a baseline model's. Plain Java, no Beam, so the same rules run in a job,
 * a test or a notebook.
 *
 * <ul>
 *   <li>{@link io.tributary.transforms.evaluate.blessing.EvalConfig}: the label, the slices and the
 *       thresholds, from JSON/YAML or a builder.
 *   <li>{@link io.tributary.transforms.evaluate.blessing.Threshold}: bounds on a metric's value
 *       and/or a {@link io.tributary.transforms.evaluate.blessing.ChangeThreshold} against the
 *       baseline, with a {@link io.tributary.transforms.evaluate.blessing.Direction}.
 *   <li>{@link io.tributary.transforms.evaluate.blessing.NaiveBaseline}: the model must beat
 *       always predicting the majority class (or the mean) and predict every class; on by
 *       default ({@link io.tributary.transforms.evaluate.blessing.NaiveBaselineCheck}).
 *   <li>{@link io.tributary.transforms.evaluate.blessing.ThresholdJudge}: the rules; {@link
 *       io.tributary.transforms.evaluate.blessing.Blessing} and {@link
 *       io.tributary.transforms.evaluate.blessing.ThresholdCheck}: the outcome, with reasons.
 * </ul>
 */
package io.tributary.transforms.evaluate.blessing;
