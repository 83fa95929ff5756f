package io.tributary.samples.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Watches this JVM's heap and keeps two peaks: the heap in use at any sample of a background
 * thread, which includes garbage not yet collected and so mostly reflects how much room the
 * collector was given, and the heap in use just after each garbage collection (from the
 * collectors' notifications), which is the data a computation keeps alive. The second says
 * whether memory grows with the input.
 *
 * <pre>{@code
 * try (HeapSampler heap = HeapSampler.start()) {
 *   work();
 *   heap.close();
 *   System.out.println(heap.peakUsed() + " " + heap.peakAfterGc());
 * }
 * }</pre>
 */
final class HeapSampler implements AutoCloseable, NotificationListener {
  private static final long INTERVAL_MILLIS = 10;

  private final List<MemoryPoolMXBean> heapPools =
      ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(pool -> pool.getType() == MemoryType.HEAP)
          .collect(Collectors.toList());
  private final Set<String> heapPoolNames =
      heapPools.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
  private final Thread thread = new Thread(this::sample, "heap-sampler");
  private volatile boolean running = true;
  private volatile long peakUsed;
  private volatile long peakAfterGc;

  private HeapSampler() {}

  static HeapSampler start() {
    HeapSampler sampler = new HeapSampler();
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) collector).addNotificationListener(sampler, null, null);
    }
    sampler.thread.setDaemon(true);
    sampler.thread.start();
    return sampler;
  }

  private void sample() {
    while (running) {
      long used = 0;
      for (MemoryPoolMXBean pool : heapPools) {
        used += pool.getUsage().getUsed();
      }
      peakUsed = Math.max(peakUsed, used);
      try {
        Thread.sleep(INTERVAL_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  @Override
  public void handleNotification(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    long afterGc = 0;
    for (var pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
      if (heapPoolNames.contains(pool.getKey())) {
        MemoryUsage usage = pool.getValue();
        afterGc += usage.getUsed();
      }
    }
    synchronized (this) {
      peakAfterGc = Math.max(peakAfterGc, afterGc);
    }
  }

  /** The most heap in use at any sample, garbage included, in bytes. */
  long peakUsed() {
    return peakUsed;
  }

  /** The most heap in use right after a garbage collection, in bytes. */
  long peakAfterGc() {
    return peakAfterGc;
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      try {
        ((NotificationEmitter) collector).removeNotificationListener(this);
      } catch (ListenerNotFoundException alreadyRemoved) {
        // close() may run twice (explicitly, then by try-with-resources).
      }
    }
  }
}
