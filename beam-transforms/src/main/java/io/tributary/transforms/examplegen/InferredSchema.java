package io.tributary.transforms.examplegen;

import org.apache.beam.sdk.schemas.Schema;

/**
 * A schema inferred from a sample of the input, with what the sample covered.
 *
 * @param rowsSampled how many records the types were inferred from
 * @param wholeInput true when the sample was the whole input, so types and nullability are exact;
 *     otherwise every field is nullable and values that do not fit become dead letters
 */
public record InferredSchema(Schema schema, long rowsSampled, boolean wholeInput) {}
