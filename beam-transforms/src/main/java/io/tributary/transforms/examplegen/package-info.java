/**
 * ExampleGen: reads CSV, JSON lines, Avro or Parquet into Beam {@code Row}s with a declared or
 * inferred schema, resolves TFX span/version patterns, splits deterministically, and routes every
 * record it cannot read to a dead-letter output. Entry point: {@link
 * io.tributary.transforms.examplegen.ExampleGen}.
 */
package io.tributary.transforms.examplegen;
