package io.tributary.metadata;

/** The three kinds of node in the metadata graph; each kind has its own namespace of type names. */
public enum TypeKind {
  ARTIFACT,
  EXECUTION,
  CONTEXT;

  /** Lower-case name used in messages, e.g. {@code "artifact"}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
