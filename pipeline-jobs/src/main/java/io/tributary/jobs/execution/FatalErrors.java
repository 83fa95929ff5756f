package io.tributary.jobs.execution;

import java.io.PrintStream;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Ends the process when the JVM itself fails, instead of letting it hang.
 *
 * <p>An {@link OutOfMemoryError} (or another {@link VirtualMachineError}) thrown in a runner's
 * worker thread kills that thread; the runner may report it to the job, or may not, and its other
 * threads are not daemons, so a process whose {@code main} has stopped can linger for ever. Two
 * measures keep that from happening:
 *
 * <ul>
 *   <li>{@link #describe} turns such an error, wherever it sits in a cause chain, into one line that
 *       names the fix, so the command that meets it reports it and exits;
 *   <li>{@link #install} makes a thread that dies of such an error print that line and end the
 *       process {@value #GRACE_SECONDS} seconds later, which leaves the main thread the time to
 *       record the failure (the driver marks the execution FAILED) and exit by itself.
 * </ul>
 *
 * <p>The {@code ./tributary} launcher adds a last resort that needs no heap at all: the JVM's
 * {@code -XX:OnOutOfMemoryError} hook ends a process that is still alive a while after its first
 * {@code OutOfMemoryError}.
 */
public final class FatalErrors {

  /** Seconds between a worker thread's fatal error and the end of the process. */
  static final int GRACE_SECONDS = 10;

  private FatalErrors() {}

  /**
   * Installs the default handler of uncaught errors: a thread that dies of a {@link
   * VirtualMachineError} ends the process with exit code 1 after {@value #GRACE_SECONDS} seconds.
   */
  public static void install(PrintStream err) {
    Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler(
        (thread, error) -> {
          Optional<String> fatal = describe(error);
          if (fatal.isEmpty()) {
            if (previous != null) {
              previous.uncaughtException(thread, error);
            } else {
              error.printStackTrace();
            }
            return;
          }
          err.println("tributary: " + fatal.get() + " (in thread " + thread.getName() + ")");
          haltLater();
        });
  }

  /**
   * One line for a fatal JVM error found in {@code error}'s causes or suppressed exceptions, saying
   * how to avoid it; empty for an ordinary failure.
   */
  public static Optional<String> describe(Throwable error) {
    VirtualMachineError fatal = find(error, new IdentityHashMap<>());
    if (fatal == null) {
      return Optional.empty();
    }
    if (fatal instanceof OutOfMemoryError) {
      long maxMb = Runtime.getRuntime().maxMemory() >> 20;
      return Optional.of("out of memory (" + fatal.getMessage() + ", at most " + maxMb + " MB of heap): give the"
          + " JVM more, e.g. TRIBUTARY_JAVA_OPTS=-Xmx" + suggestedHeapGb(maxMb) + "g, or run the job on"
          + " --profile=flink-local, which passes rows between steps instead of holding them");
    }
    return Optional.of("the JVM failed: " + fatal + "; run again with TRIBUTARY_DEBUG=1 for the stack trace");
  }

  private static long suggestedHeapGb(long maxMb) {
    return Math.max(2, 2 * ((maxMb + 1023) / 1024));
  }

  private static VirtualMachineError find(Throwable error, Map<Throwable, Boolean> seen) {
    if (error == null || seen.put(error, Boolean.TRUE) != null) {
      return null;
    }
    if (error instanceof VirtualMachineError) {
      return (VirtualMachineError) error;
    }
    for (Throwable suppressed : error.getSuppressed()) {
      VirtualMachineError found = find(suppressed, seen);
      if (found != null) {
        return found;
      }
    }
    return find(error.getCause(), seen);
  }

  private static void haltLater() {
    Thread halt =
        new Thread(
            () -> {
              try {
                Thread.sleep(GRACE_SECONDS * 1000L);
              } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
              }
              Runtime.getRuntime().halt(1);
            },
            "tributary-fatal-error-exit");
    halt.setDaemon(true);
    halt.start();
  }
}
