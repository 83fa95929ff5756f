/**
 * Examples on disk: a split folder holds {@code data-*.avro} or {@code data-*.parquet} files and the
 * Avro schema beside them as {@code schema.avsc}, so any Avro or Parquet tool can read them and the
 * next component knows the schema before it reads a row.
 */
package io.tributary.transforms.examples;
