package io.tributary.jobs.metadata;

import io.tributary.metadata.MetadataException;
import io.tributary.metadata.MetadataStore;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of the metadata subcommands: opens the store, runs, and turns every failure into one line
 * on stderr and exit code 1, never a stack trace.
 */
abstract class StoreCommand implements Callable<Integer> {
  @Mixin StoreOptions store;
  @Spec CommandSpec spec;

  /** True for commands that only read; they open the store read-only. */
  protected abstract boolean readOnly();

  /** The command's work; returns the exit code. */
  protected abstract int run(MetadataStore store, PrintWriter out);

  @Override
  public final Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try (MetadataStore opened = MetadataStore.open(store.config(readOnly()))) {
      int code = run(opened, spec.commandLine().getOut());
      spec.commandLine().getOut().flush();
      return code;
    } catch (MetadataException | IllegalArgumentException | IllegalStateException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return 1;
    }
  }
}
