package io.tributary.jobs.cli;

import io.tributary.jobs.artifacts.JobFileSystems;
import io.tributary.jobs.execution.FatalErrors;
import io.tributary.jobs.options.UsageException;
import io.tributary.metadata.MetadataException;
import java.util.concurrent.Callable;

/**
 * How every command reports failure: one line, exit 2 for a wrong option or input, 1 otherwise. A
 * fatal JVM error (out of memory) is reported too, with the fix, so that {@code main} goes on to
 * exit instead of dying while the runner's threads keep the process alive.
 */
final class Cli {

  private Cli() {}

  static int guard(String command, Callable<Integer> body) {
    try {
      return body.call();
    } catch (UsageException | IllegalArgumentException e) {
      debug(e);
      System.err.println("tributary " + command + ": " + JobFileSystems.explain(e.getMessage()));
      System.err.println("Run 'tributary " + command + " --help' for the options.");
      return JobCommand.USAGE;
    } catch (Exception | Error e) {
      debug(e);
      // A store's own message already explains its cause and the fix.
      String reason = FatalErrors.describe(e).orElseGet(() -> e instanceof MetadataException ? e.getMessage() : rootMessage(e));
      System.err.println("tributary " + command + ": failed: " + reason);
      return JobCommand.FAILED;
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return root == e ? message : message + " (" + root.getClass().getSimpleName() + ")";
  }

  private static void debug(Throwable e) {
    if ("1".equals(System.getenv("TRIBUTARY_DEBUG"))) {
      e.printStackTrace();
    }
  }
}
