/**
 * {@code tributary metadata ...}: list runs, executions and artifacts, draw lineage, and collect
 * old runs' artifacts, from the metadata store in {@code --home} or at {@code --metadataUrl}.
 */
package io.tributary.jobs.metadata;
