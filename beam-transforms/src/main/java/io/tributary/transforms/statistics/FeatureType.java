package io.tributary.transforms.statistics;

import org.apache.beam.sdk.schemas.Schema;

/**
 * The kind of statistics computed for a column, decided by its Beam {@link Schema.FieldType}.
 *
 * <ul>
 *   <li>{@link #INT}: {@code INT64}, {@code INT32}, {@code INT16}, {@code BYTE}; numeric figures.
 *   <li>{@link #FLOAT}: {@code DOUBLE}, {@code FLOAT}; numeric figures.
 *   <li>{@link #STRING}: {@code STRING}; distinct count, top values, lengths.
 *   <li>{@link #BOOLEAN}: {@code BOOLEAN}; true and false counts.
 *   <li>{@link #OTHER}: every other type (bytes, dates, decimals, arrays, rows, logical types); only
 *       the presence counts.
 * </ul>
 */
public enum FeatureType {
  INT,
  FLOAT,
  STRING,
  BOOLEAN,
  OTHER;

  /** The feature type for a Beam field type; nullability does not matter. */
  public static FeatureType of(Schema.FieldType fieldType) {
    switch (fieldType.getTypeName()) {
      case INT64:
      case INT32:
      case INT16:
      case BYTE:
        return INT;
      case DOUBLE:
      case FLOAT:
        return FLOAT;
      case STRING:
        return STRING;
      case BOOLEAN:
        return BOOLEAN;
      default:
        return OTHER;
    }
  }

  /** Whether numeric figures (mean, quantiles, histograms) are computed. */
  public boolean isNumeric() {
    return this == INT || this == FLOAT;
  }
}
