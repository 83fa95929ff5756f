package io.tributary.jobs.train;

import io.tributary.jobs.artifacts.StagedOutput;
import io.tributary.jobs.execution.Progress;
import io.tributary.jobs.options.ConfigFile;
import io.tributary.jobs.options.InputPaths;
import io.tributary.jobs.tune.BestHyperParameters;
import io.tributary.transforms.model.ModelFolder;
import io.tributary.transforms.model.SavedModel;
import io.tributary.transforms.train.Evaluation;
import io.tributary.transforms.train.Trainer;
import io.tributary.transforms.train.TrainerConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.beam.sdk.values.Row;

/**
 * Runs the Trainer as a job, in this JVM (Tribuo trains on one machine): reads the train and eval
 * splits, computes their features with the fitted transform, trains, evaluates, and publishes
 *
 * <pre>
 * out/
 *   model.pb        Tribuo's protobuf model
 *   model.json      the model descriptor (beam-transforms/docs/model-format.md)
 *   artifact.json   train and eval metrics ({@link ModelArtifact})
 * </pre>
 *
 * <p>With {@code --hyperparameters} (the Tuner's {@code best_hyperparameters} folder) the tuned
 * values replace the config's: see {@link BestHyperParameters#applyTo}.
 *
 * <p>The output is staged and appears complete or not at all. Configuration mistakes (a missing
 * folder, an unreadable config, a label the transform does not pass through) exit with code 2 and
 * one line naming the fix.
 */
public final class TrainJob {

  /** Tribuo logs every tree and epoch at INFO through java.util.logging; the job reports its own progress. */
  private static final Logger TRIBUO_LOG = Logger.getLogger("org.tribuo");

  /** How often a long training says it is still running. */
  static final Duration HEARTBEAT = Duration.ofSeconds(15);

  static {
    TRIBUO_LOG.setLevel(Level.WARNING);
  }

  private final TrainOptions options;
  private final Progress progress;

  public TrainJob(TrainOptions options, PrintStream out) {
    this.options = options;
    this.progress = new Progress("train", out);
  }

  /** Trains and publishes; returns the artifact summary. */
  public ModelArtifact run() {
    TrainerConfig config = readConfig(InputPaths.existing(options.getConfig(), "--config"));
    TrainingInputs inputs =
        TrainingInputs.open(options.getExamples(), options.getTransform(), options.getTrainSplit(), options.getEvalSplit());
    if (options.getHyperparameters() != null) {
      BestHyperParameters best =
          BestHyperParameters.read(InputPaths.existing(options.getHyperparameters(), "--hyperparameters"));
      config = best.applyTo(config);
      progress.say("hyper-parameters of tuning trial " + best.trial() + ": " + config.hyperParameters());
    }
    StagedOutput output = StagedOutput.begin(Path.of(options.getOutput()), options.getOverwrite());
    try {
      List<Row> train = inputs.trainRows();
      progress.say(train.size() + " training rows from " + inputs.trainSplit());
      SavedModel model;
      try (Progress.Heartbeat beat = progress.heartbeat("training " + describe(config), HEARTBEAT)) {
        model = Trainer.of(config).train(inputs.fn(), inputs.transformDir().toString(), train);
      }
      ModelFolder.write(model, output.staging().toString());
      ModelArtifact.Metrics trainMetrics = ModelArtifact.Metrics.of(options.getTrainSplit(), Evaluation.of(model, train));
      ModelArtifact.Metrics evalMetrics =
          inputs.hasEval()
              ? ModelArtifact.Metrics.of(options.getEvalSplit(), Evaluation.of(model, inputs.evalRows()))
              : null;
      ModelArtifact artifact =
          new ModelArtifact(
              ModelArtifact.FORMAT_VERSION,
              ModelArtifact.TYPE,
              inputs.examples().toString(),
              inputs.transformDir().toString(),
              model.descriptor().label(),
              model.descriptor().task().id(),
              model.descriptor().algorithm(),
              trainMetrics,
              evalMetrics);
      artifact.write(output.staging());
      output.publish();
      progress.say(
          String.format(
              "done in %.1f s: %s, train %s, eval %s",
              progress.elapsedSeconds(), model.descriptor().algorithm(), trainMetrics.metrics(),
              evalMetrics == null ? "(no " + options.getEvalSplit() + " split)" : evalMetrics.metrics()));
      return artifact;
    } catch (IOException e) {
      output.abandon();
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      output.abandon();
      throw e;
    }
  }

  /** The trainer config in {@code file}; a mistake is one line, {@code file:line: what to fix}. */
  public static TrainerConfig readConfig(Path file) {
    return ConfigFile.read(file, "--config", TrainerConfig::fromJson, TrainerConfig::fromYaml);
  }

  private static String describe(TrainerConfig config) {
    return (config.algorithm() == null ? "the default algorithm" : config.algorithm().id())
        + (config.hyperParameters().isEmpty() ? "" : " " + config.hyperParameters());
  }
}
