package io.tributary.jobs.cli;

import io.tributary.jobs.components.ComponentRegistry;
import io.tributary.jobs.driver.Driver;
import io.tributary.jobs.driver.DriverSettings;
import io.tributary.jobs.driver.RunSummary;
import io.tributary.jobs.metadata.StoreOptions;
import io.tributary.jobs.options.JobArguments;
import io.tributary.jobs.options.TributaryOptions;
import io.tributary.jobs.options.UsageException;
import io.tributary.jobs.pipeline.PipelineDefinition;
import io.tributary.jobs.pipeline.PipelineException;
import io.tributary.jobs.pipeline.PipelineYaml;
import io.tributary.metadata.MetadataStore;
import io.tributary.metadata.jdbc.JdbcMetadataStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tributary run pipeline.yaml}: checks the whole pipeline and every file its components
 * name, then runs it with the driver, recording everything in the metadata store. Exit codes: 0
 * the run finished; 1 a component failed (or the data did not suit a config); 2 the pipeline file,
 * a file it names or an option is wrong.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a pipeline file end to end: each component in order, cached results reused, every"
          + " artifact and execution recorded in the metadata store.",
      "Before the first step, the pipeline file and every file a component names (transform spec,"
          + " configs, curated schema) are read and checked; each mistake is reported as file:line."
          + " Exit codes: 0 finished; 1 a step failed; 2 a file or an option is wrong.",
      "Runner options (--profile=flink-local, --flinkMaster=..., any Beam option) apply to every"
          + " Beam component."
    })
final class RunCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "PIPELINE", description = "The pipeline file (YAML).")
  Path pipeline;

  @Option(
      names = "--noCache",
      arity = "0..1",
      fallbackValue = "*",
      paramLabel = "COMPONENTS",
      description = "Re-run every component, or only these (comma-separated ids), even when cached.")
  String noCache;

  @CommandLine.Mixin StoreOptions store = new StoreOptions();

  @CommandLine.Unmatched List<String> runnerArgs = new ArrayList<>();

  @Override
  public Integer call() {
    // Store errors, a wrong --metadataUrl and whatever escapes a step are one line, like every command's.
    return Cli.guard("run", this::run);
  }

  private int run() {
    PipelineDefinition definition;
    try {
      // Unknown runner options fail here, before any component runs.
      JobArguments.parse(runnerArgs.toArray(String[]::new), TributaryOptions.class);
      definition = PipelineYaml.read(pipeline, ComponentRegistry.standard());
    } catch (UsageException | IllegalArgumentException e) {
      System.err.println("tributary run: " + e.getMessage());
      return JobCommand.USAGE;
    }
    boolean all = "*".equals(noCache);
    Set<String> some = noCache == null || all ? Set.of() : Set.of(noCache.split(","));
    for (String id : some) {
      if (definition.components().stream().noneMatch(c -> c.id().equals(id))) {
        System.err.println("tributary run: --noCache names '" + id + "', which is not a component of "
            + definition.name());
        return JobCommand.USAGE;
      }
    }
    try (MetadataStore metadata = MetadataStore.open(store.config(false))) {
      RunSummary summary = new Driver(metadata, ComponentRegistry.standard(), System.out)
          .run(definition, new DriverSettings(store.home(), runnerArgs, all, some));
      if (metadata instanceof JdbcMetadataStore jdbc) {
        // What concurrent runs on one home wait for: on SQLite no other run can write meanwhile.
        System.out.println("[run] metadata store: " + jdbc.writeLockTime());
      }
      return summary.succeeded() ? 0 : JobCommand.FAILED;
    } catch (PipelineException e) {
      // A mistake in a file a component names, found before the first step.
      System.err.println("tributary run: " + e.getMessage().replace("\n", "\ntributary run: "));
      return JobCommand.USAGE;
    }
  }
}
