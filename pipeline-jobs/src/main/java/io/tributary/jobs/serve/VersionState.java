package io.tributary.jobs.serve;

/**
 * Where a published version stands, as {@code GET /v1/models/{name}} reports it (TF Serving's
 * names where they exist).
 */
enum VersionState {
  /** Being loaded and canaried in the background; not served yet. */
  LOADING,
  /** Loaded, canary passed: served and addressable. */
  AVAILABLE,
  /** Could not be loaded or failed its canary; never served. Retried only after a restart. */
  FAILED,
  /** Published but outside the newest {@code --keepVersions}: not loaded, not addressable. */
  NOT_LOADED
}
