/**
 * Runnable jobs, one per component, and the pieces that run them outside Beam: the CLI, runner
 * profiles, staged artifact output. Everything a user reaches through {@code ./tributary}.
 */
package io.tributary.jobs;
