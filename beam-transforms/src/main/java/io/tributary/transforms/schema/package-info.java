/**
 * Schemas of datasets (TFX's SchemaGen): what each feature must look like, inferred from statistics
 * or curated by hand.
 *
 * <ul>
 *   <li>{@link io.tributary.transforms.schema.DatasetSchema}: the features, the environments and
 *       the bounds of the example count; {@link io.tributary.transforms.schema.FeatureSchema}: one
 *       feature's type, presence, value domain, numeric range, NaN policy, environments and
 *       skew/drift thresholds.
 *   <li>{@link io.tributary.transforms.schema.SchemaGen}: infers a schema from {@code
 *       DatasetStatistics}, in plain Java or as a Beam transform, meant to hold on another sample
 *       of the same data; {@link io.tributary.transforms.schema.InferredSchema}: a schema with the
 *       notes of its inference (why a string column got no domain, what was relaxed).
 *   <li>{@link io.tributary.transforms.schema.SchemaJson}: reads and writes {@code schema.json}
 *       (format in {@code beam-transforms/docs/schema-format.md}); a curated file is read the same
 *       way as an inferred one.
 *   <li>{@link io.tributary.transforms.schema.ComparatorMetric}: the names of the distances whose
 *       thresholds a feature may set (computed in {@code io.tributary.transforms.validation}).
 * </ul>
 */
package io.tributary.transforms.schema;
