/**
 * Test helpers shared by the tests of the pipeline jobs. {@link
 * io.tributary.jobs.testing.LocalFlinkCluster} starts the real local Flink cluster of {@code
 * runners-config/scripts/flink-cluster.sh} for tests that submit jobs to it.
 */
package io.tributary.jobs.testing;
