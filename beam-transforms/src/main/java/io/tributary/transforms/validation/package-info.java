/**
 * Validation of data against a schema (TFX's ExampleValidator), skew and drift detection, and
 * per-record validation.
 *
 * <ul>
 *   <li>{@link io.tributary.transforms.validation.ExampleValidator}: checks a split's statistics
 *       against a {@code DatasetSchema} and compares them with a training or previous-span baseline;
 *       the result is {@link io.tributary.transforms.validation.Anomalies}, written as {@code
 *       anomalies.json} by {@link io.tributary.transforms.validation.AnomaliesJson} (format in
 *       {@code beam-transforms/docs/anomalies-format.md}). Each anomaly says how to accept or fix
 *       it ({@link io.tributary.transforms.validation.Anomaly#remedy()}).
 *   <li>Checks are one-method strategies: {@link io.tributary.transforms.validation.FeatureCheck}
 *       (type, presence, domain, range, NaN) and {@link
 *       io.tributary.transforms.validation.DatasetCheck} (columns, example count).
 *   <li>Distances are {@link io.tributary.transforms.validation.FeatureDistance}s: L-infinity,
 *       Jensen-Shannon, normalized absolute difference, population stability index and
 *       Kolmogorov-Smirnov, each with a sample-size-aware default threshold.
 *   <li>{@link io.tributary.transforms.validation.HeldOutCheck}: checks an inferred schema on
 *       statistics it did not learn from and relaxes what that clean data breaks, with notes.
 *   <li>{@link io.tributary.transforms.validation.Validate}: a Beam transform checking each record
 *       ({@link io.tributary.transforms.validation.RecordValidator}), with the failing ones on an
 *       error output ({@link io.tributary.transforms.validation.RecordError}).
 * </ul>
 */
package io.tributary.transforms.validation;
