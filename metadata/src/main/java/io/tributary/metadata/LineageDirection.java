package io.tributary.metadata;

/**
 * Which way a lineage query walks from its starting node.
 *
 * <p>{@link #UPSTREAM} answers "what produced this?" (outputs back to the executions that wrote
 * them, then to their inputs); {@link #DOWNSTREAM} answers "what was made from this?".
 */
public enum LineageDirection {
  UPSTREAM,
  DOWNSTREAM,
  BOTH
}
