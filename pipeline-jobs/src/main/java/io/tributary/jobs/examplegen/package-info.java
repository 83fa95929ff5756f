/** The ExampleGen job: raw files in, split examples (Avro or Parquet) and dead letters out. */
package io.tributary.jobs.examplegen;
