/**
 * A seeded synthetic data set for benchmarks: numeric features with skew and outliers, categorical
 * features with long tails, booleans, missing values and a learnable label, written as examples
 * (Avro or Parquet) in the same folder layout ExampleGen writes.
 */
package io.tributary.samples.synthetic;
