/** The StatisticsGen job: examples in, per-split statistics.json and one statistics.html out. */
package io.tributary.jobs.statistics;
