/**
 * Monitoring of a served model over its request log: {@link io.tributary.transforms.monitor.Monitor}
 * (span statistics in, one {@link io.tributary.transforms.monitor.SpanCheck} per span out: SERVING
 * validation, skew against training, drift against the previous span, prediction drift), joining
 * ground truth that arrives later to the logged predictions ({@link
 * io.tributary.transforms.monitor.GroundTruth}), and the alerts a scheduler can act on ({@link
 * io.tributary.transforms.monitor.Alert}, {@link io.tributary.transforms.monitor.Alerts}, {@link
 * io.tributary.transforms.monitor.AlertsJson}).
 *
 * <p>The statistics, the schema checks and the skew and drift distances are those of the {@code
 * statistics} and {@code validation} packages, and the realized metrics those of {@code evaluate}:
 * nothing here measures anything a second way.
 */
package io.tributary.transforms.monitor;
