package io.tributary.jobs.metadata;

import io.tributary.metadata.Artifact;
import io.tributary.metadata.MetadataStore;
import io.tributary.metadata.gc.GarbageCollector;
import io.tributary.metadata.gc.GcReport;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tributary metadata gc --keepLast=N [--dryRun]}: deletes the artifacts of all but the
 * newest N runs of each pipeline, except anything the latest blessed or pushed model came from.
 */
@Command(
    name = "gc",
    mixinStandardHelpOptions = true,
    description = "Delete artifacts of old runs (never the lineage of the latest blessed or pushed model).")
final class GcCommand extends StoreCommand {
  @Option(names = "--keepLast", paramLabel = "N", required = true, description = "Runs to keep per pipeline.")
  int keepLast;

  @Option(names = "--dryRun", description = "Only list what would be deleted.")
  boolean dryRun;

  @Override
  protected boolean readOnly() {
    return dryRun;
  }

  @Override
  protected int run(MetadataStore store, PrintWriter out) {
    GcReport report = GarbageCollector.keepLast(keepLast).dryRun(dryRun).run(store);
    Table table = new Table("ID", "TYPE", "STATE", "URI");
    report.collected().forEach(a -> table.add(a.id(), a.type(), a.state(), a.uri()));
    table.print(out);
    out.println((dryRun ? "would delete " : "deleted ") + report.collected().size() + " artifacts of "
        + report.oldRuns().size() + " old runs; kept " + report.kept().size()
        + " that newer runs or the latest blessed or pushed model depend on");
    for (var failure : report.failures().entrySet()) {
      Artifact a = failure.getKey();
      out.println("could not delete artifact " + a.id() + " (" + a.uri() + "): " + failure.getValue()
          + "; it stays MARKED_FOR_DELETION and the next gc retries");
    }
    return report.failures().isEmpty() ? 0 : 1;
  }
}
