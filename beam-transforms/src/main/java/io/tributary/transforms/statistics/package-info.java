/**
 * StatisticsGen: one-pass, mergeable per-feature statistics of {@code PCollection<Row>}s.
 *
 * <p>{@link io.tributary.transforms.statistics.Statistics#generate()} is the transform; {@link
 * io.tributary.transforms.statistics.DatasetStatistics} and the classes it holds are the result;
 * {@link io.tributary.transforms.statistics.StatisticsJson} writes and reads the {@code
 * statistics.json} artifact; {@link io.tributary.transforms.statistics.Statistics#merge} merges two
 * results without rescanning. The package-private accumulators hold the mergeable state of each
 * feature type; each bundle accumulates its rows per slice and one {@code Combine.globally} merges
 * the bundles' accumulators and derives the figures. {@link
 * io.tributary.transforms.statistics.StatisticsCollector} does the same in plain Java. The {@code
 * report} subpackage renders statistics as an offline {@code statistics.html}.
 */
package io.tributary.transforms.statistics;
