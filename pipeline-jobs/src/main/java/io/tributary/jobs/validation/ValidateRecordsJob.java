package io.tributary.jobs.validation;

import io.tributary.jobs.artifacts.StagedOutput;
import io.tributary.jobs.examplegen.ExampleSplits;
import io.tributary.jobs.execution.BeamRun;
import io.tributary.jobs.execution.Progress;
import io.tributary.jobs.options.UsageException;
import io.tributary.transforms.deadletter.OutputWithErrors;
import io.tributary.transforms.examples.ExamplesIO;
import io.tributary.transforms.metrics.PipelineCounters;
import io.tributary.transforms.schema.DatasetSchema;
import io.tributary.transforms.validation.RecordError;
import io.tributary.transforms.validation.Validate;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;

/**
 * Checks every record of the chosen splits against a schema ({@link Validate}), in one Beam
 * pipeline on the chosen runner, and writes the failing ones with their reasons.
 *
 * <pre>
 * out/
 *   Split-&lt;name&gt;/errors/invalid-*.jsonl   one failing record per line:
 *       {"source":".../Split-eval","line":null,"record":{...},"reasons":["body_mass_g: 60000 is outside ..."]}
 *   summary.json                            {@link RecordValidationSummary}: counts per split and reason
 * </pre>
 *
 * <p>{@code source} is the split folder the record was read from; {@code line} is null because
 * examples carry no line numbers (malformed input lines are ExampleGen's dead letters, with theirs).
 * Whether the invalid records exceed {@code --failOn} is in the summary; the command turns it into
 * exit code 3. The schema, the environment, the limit and the splits are checked before anything
 * is read; a schema that a split's columns cannot satisfy (a required column missing, a type that
 * cannot hold the feature) is an error naming the split, and no output is created.
 */
public final class ValidateRecordsJob {

  static final String ERRORS = "errors";

  private final ValidateRecordsOptions options;
  private final Progress progress;

  public ValidateRecordsJob(ValidateRecordsOptions options, PrintStream out) {
    this.options = options;
    this.progress = new Progress("validate-records", out);
  }

  public RecordValidationSummary run() {
    Path examples = Path.of(options.getExamples()).toAbsolutePath().normalize();
    Path schemaFile = Path.of(options.getSchema()).toAbsolutePath().normalize();
    DatasetSchema schema = ValidateJob.readSchema(schemaFile);
    RecordLimit limit = RecordLimit.parse(options.getFailOn());
    Validate.Records validate = Validate.against(schema);
    if (options.getEnvironment() != null) {
      if (!schema.environments().contains(options.getEnvironment())) {
        throw new UsageException("--environment=" + options.getEnvironment() + ": the schema's environments are "
            + schema.environments() + "; pick one, or add it to the schema's \"environments\"");
      }
      validate = validate.inEnvironment(options.getEnvironment());
    }
    List<String> splits = ExampleSplits.of(examples, options.getSplits());
    StagedOutput output = StagedOutput.begin(Path.of(options.getOutput()), options.getOverwrite());
    try {
      Pipeline pipeline = Pipeline.create(options);
      for (String split : splits) {
        Path folder = ExampleSplits.folder(examples, split);
        Path errors = Files.createDirectories(output.staging().resolve(ExampleSplits.PREFIX + split).resolve(ERRORS));
        PCollection<Row> rows = pipeline.apply("Read-" + split, ExamplesIO.read(folder.toString()));
        OutputWithErrors result;
        try {
          result = rows.apply(step(split), validate.withSource(folder.toString()));
        } catch (IllegalArgumentException e) {
          throw new UsageException(ExampleSplits.PREFIX + split + ": " + e.getMessage());
        }
        result.errors()
            .apply("ErrorsAsJson-" + split, RecordError.asJsonLines())
            .apply("WriteErrors-" + split, TextIO.write().to(errors.resolve("invalid").toString()).withSuffix(".jsonl"));
      }
      progress.say("checking splits " + splits + " of " + examples + " against " + schemaFile);
      PipelineResult run = BeamRun.toCompletion(pipeline, progress);
      PipelineCounters metrics = PipelineCounters.of(run, Validate.METRICS_NAMESPACE);
      Map<String, RecordValidationSummary.SplitCounts> counts = new LinkedHashMap<>();
      for (String split : splits) {
        counts.put(split, counts(metrics.countersOfSteps(step(split) + "/"), split));
      }
      long invalid = RecordValidationSummary.total(counts, RecordValidationSummary.SplitCounts::invalid);
      long records = RecordValidationSummary.total(counts, RecordValidationSummary.SplitCounts::records);
      RecordValidationSummary summary = new RecordValidationSummary(
          RecordValidationSummary.FORMAT_VERSION, RecordValidationSummary.TYPE, examples.toString(),
          schemaFile.toString(), options.getEnvironment(), limit.text(), limit.exceededBy(invalid, records), counts);
      summary.write(output.staging());
      output.publish();
      counts.forEach((split, c) -> progress.say(describe(split, c)));
      progress.say(String.format("done in %.1f s: %d of %d records invalid%s; output: %s", progress.elapsedSeconds(),
          invalid, records, summary.failed() ? ", more than --failOn=" + limit.text() + " allows" : "",
          output.target()));
      return summary;
    } catch (IOException e) {
      output.abandon();
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      output.abandon();
      throw e;
    }
  }

  private static String step(String split) {
    return "Validate-" + split;
  }

  /** A split's counts from its Validate step's counters; reason counters are named {@code <feature>:<kind>}. */
  private static RecordValidationSummary.SplitCounts counts(Map<String, Long> counters, String split) {
    Map<String, Long> reasons = new TreeMap<>();
    counters.forEach((name, value) -> {
      if (name.contains(":") && value > 0) {
        reasons.put(name, value);
      }
    });
    return new RecordValidationSummary.SplitCounts(
        counters.getOrDefault("records", 0L), counters.getOrDefault("valid_records", 0L),
        counters.getOrDefault("invalid_records", 0L), ExampleSplits.PREFIX + split + "/" + ERRORS, reasons);
  }

  private static String describe(String split, RecordValidationSummary.SplitCounts c) {
    String reasons = c.reasons().entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "));
    return String.format("%s: %d records, %d valid, %d invalid%s", split, c.records(), c.valid(), c.invalid(),
        reasons.isEmpty() ? "" : " (" + reasons + ")");
  }
}
