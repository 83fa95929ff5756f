package io.tributary.metadata;

/**
 * Life cycle of an artifact, as in ML Metadata.
 *
 * <p>An artifact is recorded {@link #PENDING} before its files are written, becomes {@link #LIVE}
 * only once they are complete and in place, {@link #ABANDONED} if its execution failed, and
 * {@link #MARKED_FOR_DELETION} then {@link #DELETED} when garbage collection removes its files.
 */
public enum ArtifactState {
  PENDING,
  LIVE,
  MARKED_FOR_DELETION,
  DELETED,
  ABANDONED
}
