/**
 * An offline, self-contained {@code statistics.html}: Facets-Overview-like tables of numeric and
 * categorical features with inline SVG charts, the splits side by side, sortable by clicking a
 * column heading. No script, style or font is loaded from anywhere: the file works from a disk or
 * an air-gapped machine. Entry point: {@link
 * io.tributary.transforms.statistics.report.StatisticsReport}.
 */
package io.tributary.transforms.statistics.report;
