package io.tributary.jobs.evaluate;

import io.tributary.jobs.artifacts.StagedOutput;
import io.tributary.jobs.examplegen.ExampleSplits;
import io.tributary.jobs.execution.BeamRun;
import io.tributary.jobs.execution.Progress;
import io.tributary.jobs.options.ConfigFile;
import io.tributary.jobs.options.UsageException;
import io.tributary.transforms.deadletter.DeadLetter;
import io.tributary.transforms.deadletter.OutputWithErrors;
import io.tributary.transforms.evaluate.Evaluate;
import io.tributary.transforms.evaluate.Metrics;
import io.tributary.transforms.evaluate.Slice;
import io.tributary.transforms.evaluate.SlicedEvaluation;
import io.tributary.transforms.evaluate.blessing.Blessing;
import io.tributary.transforms.evaluate.SliceKey;
import io.tributary.transforms.evaluate.blessing.EvalConfig;
import io.tributary.transforms.evaluate.blessing.NaiveBaseline;
import io.tributary.transforms.evaluate.blessing.ThresholdJudge;
import io.tributary.transforms.examples.ExamplesIO;
import io.tributary.transforms.inference.BulkInferrer;
import io.tributary.transforms.metrics.PipelineCounters;
import io.tributary.transforms.model.Task;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.extensions.avro.schemas.utils.AvroUtils;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.Row;

/**
 * Runs the Evaluator as a job: scores one split with the candidate model (and the baseline model,
 * when given) and computes the metrics of every slice of both, in one Beam pipeline; then judges
 * the thresholds and the naive-baseline checks ({@link NaiveBaseline}: on by default, a model no
 * better than always predicting the majority class, or the mean, is not blessed) and publishes
 *
 * <pre>
 * out/
 *   metrics.json       {@link MetricsFile}: both models' metrics per slice, every threshold check
 *   evaluation.html    the same for people, offline (see {@link EvaluationReport})
 *   errors/            rows that could not be scored, one dead letter per line
 *   BLESSED | NOT_BLESSED, blessing.json    ({@link BlessingFolder}; in --blessingOutput if given)
 * </pre>
 *
 * <p>Before anything is read or created the job loads both models (a damaged model file is one
 * line naming it), reads the config and checks its metric names against the model's task, and
 * checks the label and slice columns against the split's schema; each mistake is a {@link
 * UsageException} (exit code 2). Outputs are staged and appear complete or not at all; the
 * blessing is published first, so an evaluation folder never exists without its blessing.
 */
public final class EvaluateJob {

  /** The report's file name inside the output. */
  public static final String REPORT = "evaluation.html";

  /** Dead letters folder inside the output. */
  public static final String ERRORS = "errors";

  private static final String CANDIDATE = "candidate";
  private static final String BASELINE = "baseline";

  private final EvaluateOptions options;
  private final Progress progress;

  public EvaluateJob(EvaluateOptions options, PrintStream out) {
    this.options = options;
    this.progress = new Progress("evaluate", out);
  }

  /** Evaluates, blesses or not, and publishes; returns what {@code metrics.json} holds. */
  public MetricsFile run() {
    Path examples = Path.of(options.getExamples()).toAbsolutePath().normalize();
    Path configFile = Path.of(options.getConfig()).toAbsolutePath().normalize();
    EvalConfig config = readConfig(configFile);
    ScoringModel candidate = ScoringModel.load("--model", options.getModel(), options.getTransform());
    ScoringModel baseline =
        options.getBaselineModel() == null
            ? null
            : ScoringModel.load("--baselineModel", options.getBaselineModel(), options.getBaselineTransform());
    Task task = candidate.descriptor().task();
    if (baseline != null && baseline.descriptor().task() != task) {
      throw new UsageException(
          "--baselineModel is a " + baseline.descriptor().task().id() + " model but --model is a " + task.id()
              + " model: compare models of the same task");
    }
    try {
      config.checkMetrics(task);
    } catch (IllegalArgumentException e) {
      throw new UsageException(configFile + ": " + e.getMessage());
    }
    if (!ExampleSplits.of(examples).contains(options.getEvalSplit())) {
      throw new UsageException(
          "--evalSplit=" + options.getEvalSplit() + " is not a split of " + examples + ": it has " + ExampleSplits.of(examples));
    }
    Path splitFolder = ExampleSplits.folder(examples, options.getEvalSplit());
    try {
      // The config may name columns as the user knows them (e.g. "Body Mass (g)") or by field name.
      config = config.resolve(ExamplesIO.readColumnNames(splitFolder.toString()));
    } catch (IllegalArgumentException e) {
      throw new UsageException(configFile.getFileName() + ": " + e.getMessage());
    }
    String label = config.labelOr(candidate.descriptor().label());
    checkColumns(AvroUtils.toBeamSchema(ExamplesIO.readAvroSchema(splitFolder.toString())), label, config, configFile);

    StagedOutput output = StagedOutput.begin(Path.of(options.getOutput()), options.getOverwrite());
    StagedOutput blessingOutput = null;
    try {
      blessingOutput =
          options.getBlessingOutput() == null
              ? null
              : StagedOutput.begin(Path.of(options.getBlessingOutput()), options.getOverwrite());
      Path parts = output.staging().resolve(".slices");
      Pipeline pipeline = Pipeline.create(options);
      PCollection<Row> rows = pipeline.apply("Read", ExamplesIO.read(splitFolder.toString()));
      List<PCollection<Row>> errors = new ArrayList<>();
      errors.add(score(rows, candidate, CANDIDATE, task, label, config.slices(), parts));
      if (baseline != null) {
        errors.add(score(rows, baseline, BASELINE, task, label, config.slices(), parts));
      }
      PCollectionList.of(errors)
          .apply("AllErrors", Flatten.pCollections())
          .apply("DeadLettersAsJson", DeadLetter.asJsonLines())
          .apply(
              "WriteDeadLetters",
              TextIO.write().to(output.staging().resolve(ERRORS).resolve("dead-letters").toString()).withSuffix(".jsonl"));
      progress.say(
          "split " + options.getEvalSplit() + " of " + examples + " with " + candidate.model()
              + (baseline == null ? "" : ", baseline " + baseline.model()));
      PipelineResult result = BeamRun.toCompletion(pipeline, progress);
      PipelineCounters counters = PipelineCounters.of(result, BulkInferrer.METRICS_NAMESPACE);
      ModelMetrics candidateMetrics = collect(candidate, CANDIDATE, counters, parts);
      ModelMetrics baselineMetrics = baseline == null ? null : collect(baseline, BASELINE, counters, parts);
      StagedOutput.deleteTree(parts);
      Blessing blessing =
          ThresholdJudge.judge(
                  config.thresholds(), candidateMetrics.bySlice(), baselineMetrics == null ? null : baselineMetrics.bySlice())
              .and(NaiveBaseline.judge(
                  config.naiveBaseline(),
                  candidateMetrics.slice(SliceKey.OVERALL).map(SliceMetrics::metrics).orElse(null)));
      MetricsFile file =
          new MetricsFile(
              MetricsFile.FORMAT_VERSION, MetricsFile.TYPE, task.id(), label, examples.toString(), options.getEvalSplit(),
              configFile.toString(), config.slices(), candidateMetrics, baselineMetrics, blessing);
      file.write(output.staging());
      EvaluationReport.write(output.staging().resolve(REPORT), file);
      Path blessingFolder = blessingOutput == null ? output.staging() : blessingOutput.staging();
      BlessingFolder.of(blessing, baseline == null ? null : baseline.model().toString())
          .write(blessingFolder, blessing.summary());
      if (blessingOutput != null) {
        blessingOutput.publish();
      }
      output.publish();
      report(file);
      return file;
    } catch (IOException e) {
      abandon(output, blessingOutput);
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      abandon(output, blessingOutput);
      throw e;
    }
  }

  /** Scores the rows with one model and writes its metrics per slice; returns its dead letters. */
  private static PCollection<Row> score(
      PCollection<Row> rows, ScoringModel model, String role, Task task, String label, List<Slice> slices, Path parts) {
    OutputWithErrors scored = rows.apply(scoreStep(role), model.inferrer());
    if (task == Task.CLASSIFICATION) {
      String positiveClass = model.descriptor().positiveClass();
      write(scored.output(), Evaluate.classification(label, positiveClass).withSlices(slices), role, parts);
    } else {
      write(scored.output(), Evaluate.regression(label).withSlices(slices), role, parts);
    }
    return scored.errors();
  }

  private static <M extends Metrics> void write(
      PCollection<Row> scored, SlicedEvaluation<M> evaluation, String role, Path parts) {
    scored.apply("Evaluate-" + role, evaluation).apply("WriteMetrics-" + role, WriteSliceMetrics.<M>to(parts.resolve(role)));
  }

  /** The step that scores with one model; its name is how the two models' counters are told apart. */
  private static String scoreStep(String role) {
    return "Score-" + role;
  }

  private static ModelMetrics collect(ScoringModel model, String role, PipelineCounters counters, Path parts) throws IOException {
    Map<String, Long> byStep = counters.countersOfSteps(scoreStep(role) + "/");
    Path folder = parts.resolve(role);
    List<SliceMetrics> slices = Files.isDirectory(folder) ? WriteSliceMetrics.read(folder) : List.of();
    return new ModelMetrics(
        model.model().toString(), model.transform().toString(),
        byStep.getOrDefault(BulkInferrer.SCORED_COUNTER, 0L), byStep.getOrDefault(BulkInferrer.DEAD_LETTERS_COUNTER, 0L),
        slices);
  }

  /**
   * The evaluation config in {@code file}, every threshold's metric known to some task; a mistake
   * is one line, {@code file:line: what to fix}.
   */
  public static EvalConfig readConfig(Path file) {
    return ConfigFile.read(file, "--config", EvalConfig::fromJson, EvalConfig::fromYaml);
  }

  /**
   * The label (unless null) and every slice column must be columns of the split: checked on its
   * schema file alone.
   */
  public static void checkColumns(Schema schema, String label, EvalConfig config, Path configFile) {
    if (label != null && !schema.hasField(label)) {
      throw new UsageException(
          "the label column '" + label + "' is not in the examples (columns: " + schema.getFieldNames() + "): set 'label' in "
              + configFile.getFileName());
    }
    for (Slice slice : config.slices()) {
      for (String column : slice.columns()) {
        if (!schema.hasField(column)) {
          throw new UsageException(
              configFile.getFileName() + ": slice " + slice.columns() + " names column '" + column
                  + "', which is not in the examples: columns are " + schema.getFieldNames());
        }
      }
    }
  }

  private void report(MetricsFile file) {
    Blessing blessing = file.blessing();
    progress.say(
        String.format(
            "done in %.1f s: %d rows scored, %d dead letters, %d slices", progress.elapsedSeconds(), file.candidate().scored(),
            file.candidate().deadLetters(), file.candidate().slices().size()));
    progress.say((blessing.blessed() ? "BLESSED: " : "NOT BLESSED: ") + blessing.summary());
    blessing.reasons().forEach(reason -> progress.say("  " + reason));
    progress.say("output: " + options.getOutput() + (options.getBlessingOutput() == null ? "" : ", blessing: " + options.getBlessingOutput()));
  }

  private static void abandon(StagedOutput output, StagedOutput blessing) {
    output.abandon();
    if (blessing != null) {
      blessing.abandon();
    }
  }
}
