package io.tributary.transforms.examplegen;

import io.tributary.transforms.examples.ColumnNames;
import org.apache.beam.sdk.schemas.Schema;

/**
 * A schema inferred from a sample of the input, with what the sample covered.
 *
 * @param rowsSampled how many records the types were inferred from
 * @param wholeInput true when the sample was the whole input, so types and nullability are exact;
 *     otherwise every field is nullable and values that do not fit become dead letters
 * @param columns each field's original column name (header or JSON key)
 */
public record InferredSchema(Schema schema, long rowsSampled, boolean wholeInput, ColumnNames columns) {
}
