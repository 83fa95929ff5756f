package io.tributary.jobs.metadata;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code tributary metadata}: look into the metadata store: which runs happened, which
 * executions and artifacts they made, where a model came from, and clean up old runs.
 *
 * <pre>
 * tributary metadata runs --pipeline=penguin
 * tributary metadata executions --run=penguin-2026-11-22T08:00 --state=FAILED
 * tributary metadata artifacts --type=Model --state=LIVE --format=json
 * tributary metadata lineage 42 --upstream --hops=5 --format=dot
 * tributary metadata gc --keepLast=5 --dryRun
 * </pre>
 *
 * <p>Every subcommand takes {@code --home=DIR} (SQLite store in that Tributary home; default
 * {@code $TRIBUTARY_HOME} or {@code ~/.tributary}) or {@code --metadataUrl=JDBC_URL}. Errors are
 * one line on stderr with exit code 1.
 */
@Command(
    name = "metadata",
    mixinStandardHelpOptions = true,
    description = "Inspect the metadata store: runs, executions, artifacts, lineage; collect old runs.",
    subcommands = {
      RunsCommand.class,
      ExecutionsCommand.class,
      ArtifactsCommand.class,
      LineageCommand.class,
      GcCommand.class
    })
public final class MetadataCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
