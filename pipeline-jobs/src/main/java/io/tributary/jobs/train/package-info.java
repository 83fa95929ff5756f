/** {@code tributary train}: the Trainer as a job, and its {@code artifact.json}. */
package io.tributary.jobs.train;
