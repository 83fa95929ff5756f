package io.tributary.metadata.jdbc;

import java.time.Duration;

/**
 * How long one store's write transactions held the write lock: their number, the total and the
 * longest. On SQLite no other process can write meanwhile, so this is what concurrent runs on one
 * home wait for.
 */
public record WriteLockTime(long transactions, Duration held, Duration longest) {
  @Override
  public String toString() {
    return String.format("%d write transactions held the lock %.1f ms in total, longest %.1f ms",
        transactions, held.toNanos() / 1e6, longest.toNanos() / 1e6);
  }
}
