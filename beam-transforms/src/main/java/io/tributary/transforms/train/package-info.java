/**
 * The Trainer: Tribuo models trained on transformed examples, configured by a {@link
 * io.tributary.transforms.train.TrainerConfig}, saved as a model folder ({@link
 * io.tributary.transforms.model.ModelFolder}).
 *
 * <ul>
 *   <li>{@link io.tributary.transforms.train.TrainerConfig}: label, algorithm, hyper-parameters,
 *       seed; a builder, JSON and YAML.
 *   <li>{@link io.tributary.transforms.train.Algorithm}: the algorithms per task and their
 *       hyper-parameters with defaults ({@link io.tributary.transforms.train.HyperParameter}).
 *   <li>{@link io.tributary.transforms.train.ClassWeights}: {@code balanced} or explicit class
 *       weights for imbalanced classes; the trainer also takes a binary decision threshold.
 *   <li>{@link io.tributary.transforms.train.Trainer}: trains in this JVM; {@link
 *       io.tributary.transforms.train.Evaluation} evaluates with the Evaluator's metrics.
 * </ul>
 *
 * <p>Training is plain Java (Tribuo trains in one JVM); it lives in this module because {@code
 * BulkInferrer} and the trainer share the feature and model code of {@code
 * io.tributary.transforms.model}.
 */
package io.tributary.transforms.train;
