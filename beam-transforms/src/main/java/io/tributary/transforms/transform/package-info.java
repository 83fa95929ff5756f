/**
 * Transform: feature transformations fitted once over the training data and applied everywhere
 * with the same code, so that training and serving cannot drift apart.
 *
 * <ul>
 *   <li>{@link io.tributary.transforms.transform.TransformSpec}: what to compute per output
 *       feature, built in Java or read from JSON/YAML.
 *   <li>{@link io.tributary.transforms.transform.Step}: the operations (impute, z-score, scale to
 *       [0,1], log1p, clip, bucketize, vocabulary, one-hot, hash, cross, missing indicator).
 *   <li>Analyzers: mergeable {@code CombineFn}s ({@link
 *       io.tributary.transforms.transform.MeanVarianceFn}, {@link
 *       io.tributary.transforms.transform.MinMaxFn}, {@link
 *       io.tributary.transforms.transform.QuantilesFn}, {@link
 *       io.tributary.transforms.transform.TopValuesFn}) computed together in one scan.
 *   <li>{@link io.tributary.transforms.transform.TransformFn}: the fitted artifact ({@code
 *       transform_fn.json}) and the one apply implementation for batch and serving.
 *   <li>{@link io.tributary.transforms.transform.Transform}: the Beam entry points.
 *   <li>{@link io.tributary.transforms.transform.SpecMappers}: how specs, configs and fitted
 *       artifacts are read and written; a mistake in a file is a {@link
 *       io.tributary.transforms.transform.SpecException} with its line, in our words, with the
 *       closest valid name ({@link io.tributary.transforms.transform.DidYouMean}).
 * </ul>
 *
 * <p>The file format is described in {@code beam-transforms/docs/transform-format.md}.
 */
package io.tributary.transforms.transform;
