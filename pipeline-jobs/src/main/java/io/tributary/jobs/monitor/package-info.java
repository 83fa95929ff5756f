/**
 * {@code tributary monitor}: watches a served model version over the spans of its request log
 * ({@link io.tributary.jobs.monitor.MonitorJob}), finds the data it was trained on through lineage
 * ({@link io.tributary.jobs.monitor.TrainingBaseline}), writes {@code alerts.json} and {@code
 * monitoring.html} ({@link io.tributary.jobs.monitor.MonitoringReport}) and records the run in the
 * metadata store ({@link io.tributary.jobs.monitor.MonitorRecord}).
 */
package io.tributary.jobs.monitor;
