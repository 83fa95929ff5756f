/**
 * The ML metadata store, after ML Metadata: typed artifacts, executions and contexts, the events,
 * attributions and associations between them, and lineage queries. Deliberately free of Beam so
 * that any JVM process (the driver, the CLI, a notebook) can read it.
 *
 * <p>Start at {@link io.tributary.metadata.MetadataStore}; the model is records ({@link
 * io.tributary.metadata.Artifact}, {@link io.tributary.metadata.Execution}, {@link
 * io.tributary.metadata.Context}, {@link io.tributary.metadata.Event}, {@link
 * io.tributary.metadata.NodeType}) and the type names every component shares are in {@link
 * io.tributary.metadata.WellKnownTypes}. The JDBC implementation lives in {@code .jdbc}, garbage
 * collection of old runs in {@code .gc}.
 */
package io.tributary.metadata;
