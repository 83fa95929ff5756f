package io.tributary.jobs.examplegen;

import io.tributary.jobs.artifacts.Folders;
import io.tributary.jobs.artifacts.JobFileSystems;
import io.tributary.jobs.artifacts.StagedOutput;
import io.tributary.jobs.execution.BeamRun;
import io.tributary.jobs.execution.Progress;
import io.tributary.jobs.options.UsageException;
import io.tributary.transforms.artifacts.ArtifactFiles;
import io.tributary.transforms.deadletter.DeadLetter;
import io.tributary.transforms.examplegen.CsvFormat;
import io.tributary.transforms.examplegen.ExampleGen;
import io.tributary.transforms.examplegen.ReadProvenance;
import io.tributary.transforms.examplegen.WrittenExamples;
import io.tributary.transforms.examplegen.FieldNames;
import io.tributary.transforms.examplegen.Input;
import io.tributary.transforms.examplegen.InputFormat;
import io.tributary.transforms.examplegen.ResolvedInput;
import io.tributary.transforms.examples.ColumnNames;
import io.tributary.transforms.examples.ExampleFormat;
import io.tributary.transforms.metrics.PipelineCounters;
import io.tributary.transforms.split.Split;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.extensions.avro.schemas.utils.AvroUtils;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.schemas.Schema;

/**
 * Runs ExampleGen as a job: reads the input, writes each split as examples and the dead letters
 * as JSON lines into a staged output folder, checks that every record read is accounted for, and
 * publishes the folder with its {@code artifact.json}.
 *
 * <pre>
 * out/
 *   Split-train/  data-*.avro, schema.avsc
 *   Split-eval/   data-*.avro, schema.avsc
 *   errors/       dead-letters-*.jsonl  ({"source","line","raw","reason"} per line)
 *   artifact.json
 * </pre>
 */
public final class ExampleGenJob {

  private final ExampleGenOptions options;
  private final Progress progress;

  public ExampleGenJob(ExampleGenOptions options, PrintStream out) {
    this.options = options;
    this.progress = new Progress("examplegen", out);
  }

  /** Runs the job to completion; the output exists afterwards only if this returns. */
  public ExamplesArtifact run() {
    JobFileSystems.register(options);
    ExampleGen examplegen = configure();
    ExampleFormat format = parse(() -> ExampleFormat.parse(options.getOutputFormat()));
    StagedOutput output = StagedOutput.begin(options.getOutput(), options.getOverwrite());
    try {
      Pipeline pipeline = Pipeline.create(options);
      String staging = output.stagingUri();
      WrittenExamples written = pipeline.apply("ExampleGen", examplegen.writeTo(staging).withFormat(format));
      describe(written.provenance());
      written
          .errors()
          .apply("DeadLettersAsJson", DeadLetter.asJsonLines())
          .apply("WriteDeadLetters", TextIO.write().to(staging + "/errors/dead-letters").withSuffix(".jsonl"));
      PipelineResult run = BeamRun.toCompletion(pipeline, progress);
      ExamplesArtifact artifact = artifact(written, PipelineCounters.of(run, ExampleGen.METRICS_NAMESPACE), format);
      artifact.write(staging);
      output.publish();
      say(
          String.format(
              "done in %.1f s: %d rows (%s), %d dead letters",
              progress.elapsedSeconds(),
              artifact.rowsRead(),
              artifact.splits().entrySet().stream()
                  .map(e -> e.getKey() + " " + e.getValue())
                  .collect(Collectors.joining(", ")),
              artifact.deadLetters()));
      if (artifact.deadLetters() > 0) {
        say("dead letters: " + Folders.resolve(output.targetUri(), "errors"));
      }
      say("output: " + output.targetUri());
      return artifact;
    } catch (IOException e) {
      output.abandon();
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      output.abandon();
      throw e;
    }
  }

  /** Builds the transform from the options; every mistake is a {@link UsageException}. */
  ExampleGen configure() {
    Map<String, Input> inputs = inputs();
    ExampleGen examplegen =
        inputs.containsKey("")
            ? parse(
                () ->
                    ExampleGen.from(inputs.get(""))
                        .withSplit(
                            Split.byHash(options.getSplitKeys() == null ? List.of() : options.getSplitKeys())
                                .withRatios(options.getSplitRatios())
                                .withSeed(options.getSeed())))
            : parse(() -> ExampleGen.fromSplits(inputs));
    if (options.getSchema() != null) {
      examplegen = examplegen.withSchema(readSchema(options.getSchema()));
    }
    return examplegen;
  }

  /** The inputs the options name: {@code ""} for {@code --input}, else one per {@code --split}. */
  public Map<String, Input> inputs() {
    boolean hasInput = options.getInput() != null;
    boolean hasSplits = options.getSplit() != null && !options.getSplit().isEmpty();
    if (hasInput == hasSplits) {
      throw new UsageException(
          hasInput
              ? "--input and --split both given: use --input with --splitRatios, or --split per split"
              : "--input is required (or --split=name=pattern per predefined split)");
    }
    Map<String, Input> inputs = new LinkedHashMap<>();
    if (hasInput) {
      inputs.put("", input(options.getInput()));
      return inputs;
    }
    for (String split : options.getSplit()) {
      int equals = split.indexOf('=');
      if (equals <= 0) {
        throw new UsageException("--split=" + split + " is not name=pattern, e.g. --split=train=in/train*.csv");
      }
      inputs.put(split.substring(0, equals), input(split.substring(equals + 1)));
    }
    return inputs;
  }

  private Input input(String pattern) {
    return parse(
        () -> {
          InputFormat format =
              options.getInputFormat() == null
                  ? InputFormat.fromFileName(pattern)
                  : InputFormat.parse(options.getInputFormat());
          Input input = Input.of(pattern, format).withInferenceSampleRows(options.getInferenceSampleRows());
          if (format == InputFormat.CSV) {
            input =
                input.withCsvFormat(
                    CsvFormat.defaults()
                        .withDelimiter(CsvFormat.parseDelimiter(options.getDelimiter()))
                        .withQuote(CsvFormat.parseDelimiter(options.getQuote()))
                        .withNullTokens(CsvFormat.parseNullTokens(options.getNullTokens())));
          }
          if (options.getSpan() != null) {
            input = input.withSpan(span(options.getSpan()));
          }
          if (options.getVersion() != null) {
            input = input.withVersion(options.getVersion());
          }
          return input;
        });
  }

  private static long span(String text) {
    if (text.matches("\\d+")) {
      return Long.parseLong(text);
    }
    try {
      return LocalDate.parse(text).toEpochDay();
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("--span=" + text + " is neither a number nor a date like 2026-11-22");
    }
  }

  private static Schema readSchema(String path) {
    try {
      return AvroUtils.toBeamSchema(new org.apache.avro.Schema.Parser().parse(ArtifactFiles.readText(path)));
    } catch (IOException e) {
      throw new UsageException("cannot read --schema=" + path + ": " + e.getMessage());
    } catch (RuntimeException e) {
      throw new UsageException("--schema=" + path + " is not a valid Avro schema: " + e.getMessage());
    }
  }

  private void describe(ReadProvenance read) {
    for (ResolvedInput input : read.inputs()) {
      say(
          "input " + input.input().pattern() + ": " + input.files().size() + " file(s), "
              + input.input().format()
              + (input.span() == null ? "" : ", span " + input.span())
              + (input.version() == null ? "" : ", version " + input.version()));
    }
    if (read.inferred() == null) {
      say("schema declared in " + options.getSchema());
    } else if (read.inferred().wholeInput() || read.inferred().rowsSampled() == 0) {
      say("schema inferred" + (read.inferred().rowsSampled() > 0 ? " from all " + read.inferred().rowsSampled() + " rows" : " from the file") + ": " + fields(read.schema()));
    } else {
      say(
          "schema inferred from the first " + read.inferred().rowsSampled()
              + " rows (values that do not fit become dead letters; --schema to declare it): "
              + fields(read.schema()));
    }
    describeRenames(read.columnNames());
  }

  /** One line per column whose field name differs from its own, saying why when two columns collided. */
  private void describeRenames(ColumnNames names) {
    Map<String, String> renamed = names.renamed();
    if (renamed.isEmpty()) {
      return;
    }
    say(renamed.size() + " column name(s) are not Avro field names; specs, configs and requests may use either name:");
    renamed.forEach(
        (original, field) -> {
          String plain = FieldNames.sanitize(original);
          String collision =
              plain.equals(field) ? "" : " (" + plain + " is column " + names.describe(plain) + ")";
          say("  column '" + original + "' -> field " + field + collision);
        });
  }

  private static String fields(Schema schema) {
    return schema.getFields().stream()
        .map(f -> f.getName() + " " + f.getType().getTypeName() + (f.getType().getNullable() ? "?" : ""))
        .collect(Collectors.joining(", "));
  }

  private ExamplesArtifact artifact(WrittenExamples examples, PipelineCounters metrics, ExampleFormat format) {
    ReadProvenance provenance = examples.provenance();
    Map<String, Long> splits = new LinkedHashMap<>();
    long written = 0;
    for (String name : examples.splitNames()) {
      long rows = metrics.counter(ExampleGen.SPLIT_COUNTER_PREFIX + name);
      splits.put(name, rows);
      written += rows;
    }
    long read = metrics.counter(ExampleGen.ROWS_COUNTER);
    if (read != written) {
      throw new IllegalStateException(
          read + " rows were read but " + written + " were written to splits: output not published");
    }
    List<ExamplesArtifact.InputFiles> inputs = new ArrayList<>();
    boolean predefined = options.getSplit() != null && !options.getSplit().isEmpty();
    for (int i = 0; i < provenance.inputs().size(); i++) {
      ResolvedInput input = provenance.inputs().get(i);
      inputs.add(
          new ExamplesArtifact.InputFiles(
              predefined ? examples.splitNames().get(i) : null,
              input.input().pattern(),
              input.input().format().name().toLowerCase(),
              input.files()));
    }
    ExamplesArtifact.SplitConfig split =
        predefined
            ? new ExamplesArtifact.SplitConfig(true, null, null, null)
            : new ExamplesArtifact.SplitConfig(
                false,
                options.getSplitRatios(),
                options.getSplitKeys() == null ? List.of() : options.getSplitKeys(),
                options.getSeed());
    return new ExamplesArtifact(
        ExamplesArtifact.FORMAT_VERSION,
        ExamplesArtifact.TYPE,
        format.name().toLowerCase(),
        splits,
        read,
        metrics.counter(ExampleGen.DEAD_LETTERS_COUNTER),
        provenance.span(),
        provenance.version(),
        inputs,
        split,
        provenance.inferred() == null ? "declared:" + options.getSchema() : "inferred",
        null,
        provenance.columnNames().renamed());
  }

  private void say(String message) {
    progress.say(message);
  }

  private static <T> T parse(java.util.function.Supplier<T> step) {
    try {
      return step.get();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
