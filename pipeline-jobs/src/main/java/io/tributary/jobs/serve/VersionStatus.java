package io.tributary.jobs.serve;

/**
 * The reported state of one published version.
 *
 * @param version the version number (its folder name)
 * @param state where it stands
 * @param error why it {@link VersionState#FAILED}, else null
 */
record VersionStatus(long version, VersionState state, String error) {}
