package io.tributary.jobs.infer;

import io.tributary.jobs.artifacts.StagedOutput;
import io.tributary.jobs.examplegen.ExampleSplits;
import io.tributary.jobs.execution.BeamRun;
import io.tributary.jobs.execution.Progress;
import io.tributary.jobs.options.UsageException;
import io.tributary.transforms.deadletter.DeadLetter;
import io.tributary.transforms.deadletter.OutputWithErrors;
import io.tributary.transforms.examples.ExampleFormat;
import io.tributary.transforms.examples.ExamplesIO;
import io.tributary.transforms.inference.BulkInferrer;
import io.tributary.transforms.metrics.PipelineCounters;
import io.tributary.transforms.model.ModelFolder;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.Row;

/**
 * Runs {@link BulkInferrer} as a job: every chosen split of an examples folder, in one pipeline.
 *
 * <pre>
 * out/
 *   Split-eval/           input columns + prediction (+ probabilities), Avro or Parquet
 *   errors/*.jsonl        rows that could not be scored, one dead letter per line
 *   artifact.json         {@link InferenceArtifact}
 * </pre>
 */
public final class InferJob {

  private final InferOptions options;
  private final Progress progress;

  public InferJob(InferOptions options, PrintStream out) {
    this.options = options;
    this.progress = new Progress("infer", out);
  }

  public InferenceArtifact run() {
    Path examples = Path.of(options.getExamples()).toAbsolutePath().normalize();
    Path model = Path.of(options.getModel()).toAbsolutePath().normalize();
    if (!Files.exists(model.resolve(ModelFolder.DESCRIPTOR_FILE))) {
      throw new UsageException("--model=" + options.getModel() + " is not a model folder: it has no model.json");
    }
    ExampleFormat format;
    try {
      format = ExampleFormat.parse(options.getOutputFormat());
    } catch (IllegalArgumentException e) {
      throw new UsageException("--outputFormat: " + e.getMessage());
    }
    BulkInferrer inferrer = BulkInferrer.of(model.toString());
    if (options.getTransform() != null) {
      inferrer = inferrer.withTransform(Path.of(options.getTransform()).toAbsolutePath().normalize().toString());
    }
    List<String> splits = ExampleSplits.of(examples, options.getSplits());
    StagedOutput output = StagedOutput.begin(Path.of(options.getOutput()), options.getOverwrite());
    try {
      Pipeline pipeline = Pipeline.create(options);
      List<PCollection<Row>> errors = new ArrayList<>();
      for (String split : splits) {
        OutputWithErrors result =
            pipeline
                .apply("Read/" + split, ExamplesIO.read(examples.resolve("Split-" + split).toString()))
                .apply("Infer/" + split, inferrer);
        result.output().apply("Write/" + split, ExamplesIO.write(output.staging().resolve("Split-" + split).toString()).withFormat(format));
        errors.add(result.errors());
      }
      PCollectionList.of(errors)
          .apply("AllErrors", Flatten.pCollections())
          .apply("DeadLettersAsJson", DeadLetter.asJsonLines())
          .apply("WriteDeadLetters", TextIO.write().to(output.staging().resolve("errors/dead-letters").toString()).withSuffix(".jsonl"));
      progress.say("splits " + splits + " of " + examples + " with " + model);
      PipelineResult run = BeamRun.toCompletion(pipeline, progress);
      PipelineCounters metrics = PipelineCounters.of(run, BulkInferrer.METRICS_NAMESPACE);
      InferenceArtifact artifact =
          new InferenceArtifact(
              InferenceArtifact.FORMAT_VERSION, InferenceArtifact.TYPE, model.toString(), examples.toString(), splits,
              format.name().toLowerCase(Locale.ROOT), metrics.counter(BulkInferrer.SCORED_COUNTER),
              metrics.counter(BulkInferrer.DEAD_LETTERS_COUNTER));
      artifact.write(output.staging());
      output.publish();
      progress.say(
          String.format("done in %.1f s: %d rows scored, %d dead letters", progress.elapsedSeconds(), artifact.scored(),
              artifact.deadLetters()));
      progress.say("output: " + output.target());
      return artifact;
    } catch (IOException e) {
      output.abandon();
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      output.abandon();
      throw e;
    }
  }
}
