/**
 * The SchemaGen and validation jobs: a schema inferred from statistics, and anomalies of
 * statistics against a schema (and against a baseline, for drift), with a report and an exit code
 * that can stop a pipeline or a CI job.
 */
package io.tributary.jobs.validation;
