package io.tributary.metadata;

/**
 * The data type of a declared property of an artifact, execution or context type.
 *
 * <p>Integers are 64-bit. {@link #JSON} values are strings that must parse as JSON; they are stored
 * as text so that both backends read them back byte for byte.
 */
public enum PropertyType {
  INT,
  DOUBLE,
  STRING,
  JSON
}
