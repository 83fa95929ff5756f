package io.tributary.transforms.examplegen;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Open cursors of checkpointed ranges, kept in this JVM so that the range's residual goes on
 * reading where the cursor stands instead of opening the file again.
 *
 * <p>A runner that bounds its bundles (the DirectRunner checkpoints a splittable DoFn after 100
 * outputs or a second) resumes a range very often; opening the file each time would mean
 * re-reading the header, and for a compressed file decompressing everything before the range
 * again. Correctness never depends on this cache: a residual that finds no cursor (another JVM, an
 * evicted entry) opens the file at its own start. At most {@value #CAPACITY} cursors are kept; the
 * least recently parked is closed first.
 */
final class ParkedCursors {

  private static final int CAPACITY = 64;

  /** Which reader (one per ExampleGen read), file and record start a cursor stands at. */
  record Key(String reader, String file, long offset) {}

  private static final Map<Key, TextCursor> PARKED =
      new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, TextCursor> eldest) {
          if (size() > CAPACITY) {
            closeQuietly(eldest.getValue());
            return true;
          }
          return false;
        }
      };

  private ParkedCursors() {}

  /**
   * Keeps {@code cursor}, which has read the record at {@code key}'s offset but not sent it on.
   */
  static void park(Key key, TextCursor cursor) {
    TextCursor replaced;
    synchronized (PARKED) {
      replaced = PARKED.put(key, cursor);
    }
    if (replaced != null) {
      closeQuietly(replaced);
    }
  }

  /** The cursor parked at {@code key}, or null. */
  static TextCursor take(Key key) {
    synchronized (PARKED) {
      return PARKED.remove(key);
    }
  }

  private static void closeQuietly(TextCursor cursor) {
    try {
      cursor.close();
    } catch (IOException ignored) {
      // a parked cursor only ever read; nothing is lost by failing to close it
    }
  }
}
