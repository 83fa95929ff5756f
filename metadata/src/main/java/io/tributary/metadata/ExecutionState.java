package io.tributary.metadata;

/**
 * Life cycle of an execution, as in ML Metadata.
 *
 * <p>{@link #CACHED} means the driver reused the outputs of an earlier {@link #COMPLETE} execution
 * with the same cache key instead of running the component again.
 */
public enum ExecutionState {
  NEW,
  RUNNING,
  COMPLETE,
  FAILED,
  CACHED,
  CANCELED
}
