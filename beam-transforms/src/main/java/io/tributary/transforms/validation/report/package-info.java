/**
 * An offline, self-contained {@code anomalies.html} of validated splits. Entry point: {@link
 * io.tributary.transforms.validation.report.AnomaliesReport}.
 */
package io.tributary.transforms.validation.report;
