package io.tributary.jobs.cli;

import io.tributary.jobs.artifacts.JobFileSystems;
import io.tributary.jobs.execution.Progress;
import io.tributary.jobs.validation.SchemaGenJob;
import io.tributary.transforms.schema.SchemaGen;
import java.util.concurrent.Callable;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tributary schemagen}: see {@link SchemaGenJob}. */
@Command(
    name = "schemagen",
    mixinStandardHelpOptions = true,
    description = "Infers a human-editable schema.json (types, presence, domains, ranges) from one split's statistics,"
        + " checks it on the other splits and relaxes what they break; prints why and writes inference.txt.")
final class SchemaGenCommand implements Callable<Integer> {

  @Option(names = "--statistics", required = true, description = "StatisticsGen's output folder.")
  String statistics;

  @Option(names = "--output", required = true, description = "Output folder; gets schema.json.")
  String output;

  @Option(names = "--split", description = "The split to infer from (default: ${DEFAULT-VALUE}); the other splits check the result.")
  String split = "train";

  @Option(names = "--label", description = "The label feature: marked absent in the SERVING environment.")
  String label;

  @Option(names = "--maxDomainSize", description = "Strings with at most this many distinct values may get a domain (default: ${DEFAULT-VALUE}).")
  int maxDomainSize = 100;

  @Option(names = "--rangeMargin", description = "Numeric ranges are widened by this share of their width (default: ${DEFAULT-VALUE}).")
  double rangeMargin = 0.1;

  @Option(names = "--overwrite", description = "Replace --output if it exists.")
  boolean overwrite;

  @Override
  public Integer call() {
    return Cli.guard("schemagen", () -> {
      JobFileSystems.register(PipelineOptionsFactory.create());
      SchemaGen.Infer infer = SchemaGen.infer().withMaxDomainSize(maxDomainSize).withRangeMargin(rangeMargin);
      SchemaGenJob.run(statistics, split, infer, label, output, overwrite, new Progress("schemagen", System.out));
      return 0;
    });
  }
}
