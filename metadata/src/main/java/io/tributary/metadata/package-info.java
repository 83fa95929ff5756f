/**
 * The ML metadata store: typed artifacts, executions and contexts, the events and attributions
 * between them, and lineage queries. Deliberately free of Beam so that any JVM process can read it.
 */
package io.tributary.metadata;
