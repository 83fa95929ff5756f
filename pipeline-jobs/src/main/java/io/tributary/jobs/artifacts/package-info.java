/**
 * Artifacts on disk: written to a staging folder, published by one atomic rename, described by an
 * {@code artifact.json} or another versioned JSON file ({@link io.tributary.jobs.artifacts.ArtifactJson}),
 * so that a crash never leaves something that looks finished.
 */
package io.tributary.jobs.artifacts;
