/**
 * The SchemaGen and validation jobs: a schema inferred from statistics ({@link
 * io.tributary.jobs.validation.SchemaGenJob}); anomalies of statistics against a schema, with drift
 * against a baseline and skew of serving statistics against the training split ({@link
 * io.tributary.jobs.validation.ValidateJob}, report {@code anomalies.html}); and the per-record
 * check that writes each failing record with its reasons ({@link
 * io.tributary.jobs.validation.ValidateRecordsJob}). Each ends in figures that can stop a pipeline
 * or fail a CI job. User guide: {@code pipeline-jobs/docs/validation.md}.
 */
package io.tributary.jobs.validation;
