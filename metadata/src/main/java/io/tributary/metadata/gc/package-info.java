/**
 * Garbage collection of old runs' artifacts: {@link io.tributary.metadata.gc.GarbageCollector}
 * decides what may go (never the lineage of the latest blessed or pushed model), marks it, removes
 * its files through a {@link io.tributary.metadata.gc.FileRemover}, and records it as deleted.
 */
package io.tributary.metadata.gc;
