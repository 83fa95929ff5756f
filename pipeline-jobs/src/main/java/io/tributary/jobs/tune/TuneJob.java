package io.tributary.jobs.tune;

import io.tributary.jobs.artifacts.StagedOutput;
import io.tributary.jobs.execution.Progress;
import io.tributary.jobs.options.ConfigFile;
import io.tributary.jobs.options.InputPaths;
import io.tributary.jobs.options.UsageException;
import io.tributary.jobs.train.TrainingInputs;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.values.Row;

/**
 * Runs the Tuner as a job, in this JVM: reads the config and the examples, computes the features
 * of the train and eval splits once with the fitted transform, runs the trials the search chooses
 * on {@code --parallelism} threads, and publishes
 *
 * <pre>
 * out/
 *   trials.json                 every trial: hyper-parameters, metrics, duration ({@link Trials})
 *   best_hyperparameters.json   the winner, for train --hyperparameters ({@link BestHyperParameters})
 * </pre>
 *
 * <p>One progress line per finished trial. The output is staged and appears complete or not at
 * all. Configuration mistakes exit with code 2 and one line naming the fix; a run in which every
 * trial failed exits with code 1 and the first trial's error.
 */
public final class TuneJob {

  private final TuneOptions options;
  private final Progress progress;

  public TuneJob(TuneOptions options, PrintStream out) {
    this.options = options;
    this.progress = new Progress("tune", out);
  }

  /** Tunes and publishes; returns every trial. */
  public Trials run() throws InterruptedException {
    TuneConfig config = readConfig(InputPaths.existing(options.getConfig(), "--config"));
    TrainingInputs inputs =
        TrainingInputs.open(options.getExamples(), options.getTransform(), options.getTrainSplit(), options.getEvalSplit());
    try {
      // An integer label without a task would fail every trial alike: say it once, before any.
      config.trainer().taskOf(inputs.fn().outputSchema());
    } catch (IllegalArgumentException e) {
      throw new UsageException(options.getConfig() + ": " + e.getMessage());
    }
    if (!inputs.hasEval()) {
      throw new UsageException(
          inputs.examples() + " has no Split-" + options.getEvalSplit() + "/: trials are scored on it; set --evalSplit");
    }
    int parallelism = parallelism(options.getParallelism());
    List<Map<String, Number>> searched = config.search().trials(config.algorithm());
    StagedOutput output = StagedOutput.begin(Path.of(options.getOutput()), options.getOverwrite());
    try {
      List<Row> train = inputs.trainRows();
      List<Row> eval = inputs.evalRows();
      progress.say(String.format("%s search of %s: %d trials%s on %d threads, %d train and %d eval rows",
          config.search().strategy().id(), config.algorithm().id(), searched.size(), gridNote(config.search()),
          parallelism, train.size(), eval.size()));
      List<Trial> trials =
          new TrialRunner(config, inputs.fn(), inputs.transformDir().toString(), train, eval, progress)
              .run(searched, parallelism);
      Trials ranked = Trials.rank(config, trials);
      BestHyperParameters best = BestHyperParameters.of(ranked);
      ranked.write(output.staging());
      best.write(output.staging());
      output.publish();
      progress.say(String.format("done in %.1f s: best trial %d, %s %.4f, %s",
          progress.elapsedSeconds(), best.trial(), best.metric(), best.value(), best.hyperParameters()));
      return ranked;
    } catch (RuntimeException | InterruptedException e) {
      output.abandon();
      throw e;
    }
  }

  private static String gridNote(SearchSpec search) {
    return search.gridSize() > search.budget() ? " (the first of " + search.gridSize() + " grid points)" : "";
  }

  /** The most trials at a time: each is a thread with its own copy of the training data. */
  static final int MAX_PARALLELISM = 256;

  private static int parallelism(Integer requested) {
    if (requested == null || requested == -1) {
      return Runtime.getRuntime().availableProcessors();
    }
    if (requested < 1) {
      throw new UsageException("--parallelism=" + requested + ": give at least 1 (trials at a time), or -1 for one per core");
    }
    if (requested > MAX_PARALLELISM) {
      throw new UsageException("--parallelism is " + requested + "; at most " + MAX_PARALLELISM
          + " (each trial at a time is a thread holding its own copy of the training data)");
    }
    return requested;
  }

  /** The tune config in {@code file}; a mistake is one line, {@code file:line: what to fix}. */
  public static TuneConfig readConfig(Path file) {
    return ConfigFile.read(file, "--config", text -> TuneConfig.parse(text, true), text -> TuneConfig.parse(text, false));
  }
}
