/**
 * The driver: runs a checked pipeline component by component, reusing cached results, recording
 * every artifact, execution, event and context in the metadata store, and recovering from runs
 * that died.
 */
package io.tributary.jobs.driver;
