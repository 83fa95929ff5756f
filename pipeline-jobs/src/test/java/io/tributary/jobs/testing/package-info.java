/**
 * Test helpers shared by the tests of the pipeline jobs. {@link
 * io.tributary.jobs.testing.LocalFlinkCluster} starts the real local Flink cluster of {@code
 * runners-config/scripts/flink-cluster.sh} for tests that submit jobs to it; {@link
 * io.tributary.jobs.testing.LocalChromium} runs a headless Chromium, driven through the small
 * DevTools protocol client {@link io.tributary.jobs.testing.DevTools}, for tests of HTML reports.
 */
package io.tributary.jobs.testing;
