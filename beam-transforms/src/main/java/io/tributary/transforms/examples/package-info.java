/**
 * Examples on disk: a split folder holds {@code data-*.avro} or {@code data-*.parquet} files and the
 * Avro schema beside them as {@code schema.avsc}, so any Avro or Parquet tool can read them and the
 * next component knows the schema before it reads a row. The schema also records each column's
 * original name where it differs from its Avro field name ({@link
 * io.tributary.transforms.examples.ColumnNames}).
 */
package io.tributary.transforms.examples;
