package io.tributary.jobs.tune;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.tributary.jobs.artifacts.ArtifactJson;
import io.tributary.transforms.train.Algorithm;
import io.tributary.transforms.train.TrainerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code best_hyperparameters.json}, the Tuner's output artifact (type {@code HyperParameters}):
 * the winning trial's algorithm and every hyper-parameter it trained with. Format version 1;
 * fields are only ever added.
 *
 * <pre>{@code
 * {"formatVersion": 1, "algorithm": "cart", "hyperParameters": {"maxDepth": 4, "minChildWeight": 5.0},
 *  "metric": "accuracy", "direction": "maximize", "value": 0.9737, "trial": 2}
 * }</pre>
 *
 * <p>{@code tributary train --hyperparameters=DIR} applies it to a trainer config ({@link #applyTo}).
 *
 * @param formatVersion 1
 * @param algorithm the algorithm id
 * @param hyperParameters every hyper-parameter of the winning trial, defaults included, and its
 *     {@code decisionThreshold} when the search varied it
 * @param metric the metric it won on
 * @param direction maximize or minimize
 * @param value its metric on the eval split
 * @param trial its number in {@code trials.json}
 */
@JsonPropertyOrder({"formatVersion", "algorithm", "hyperParameters", "metric", "direction", "value", "trial"})
public record BestHyperParameters(
    int formatVersion, String algorithm, Map<String, Number> hyperParameters, String metric, String direction,
    double value, int trial) {

  public static final int FORMAT_VERSION = 1;
  public static final String FILE = "best_hyperparameters.json";

  public static BestHyperParameters of(Trials trials) {
    Trial best = trials.best();
    return new BestHyperParameters(
        FORMAT_VERSION, trials.algorithm(), best.hyperParameters(), trials.metric(), trials.direction(), best.value(),
        best.trial());
  }

  public void write(Path folder) {
    ArtifactJson.write(folder.resolve(FILE), this);
  }

  /** Reads the file, or the file in a folder; fails on a format version this code does not know. */
  public static BestHyperParameters read(Path fileOrFolder) {
    Path file = Files.isDirectory(fileOrFolder) ? fileOrFolder.resolve(FILE) : fileOrFolder;
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(fileOrFolder + " has no " + FILE + ": give the Tuner's output folder");
    }
    BestHyperParameters best = ArtifactJson.read(file, BestHyperParameters.class);
    if (best.formatVersion() < 1 || best.formatVersion() > FORMAT_VERSION) {
      throw new IllegalArgumentException(
          file + " has formatVersion " + best.formatVersion() + "; this Tributary reads 1 to " + FORMAT_VERSION);
    }
    return best;
  }

  /**
   * {@code config} with these hyper-parameters over its own, and this algorithm. A config that
   * names another algorithm is an error: the tuned values would not mean the same thing.
   */
  public TrainerConfig applyTo(TrainerConfig config) {
    Algorithm tuned = Algorithm.fromId(algorithm);
    if (config.algorithm() != null && config.algorithm() != tuned) {
      throw new IllegalArgumentException(
          "the hyper-parameters were tuned for " + tuned.id() + " but the config trains " + config.algorithm().id()
              + ": set algorithm: " + tuned.id() + " or tune " + config.algorithm().id());
    }
    return config.tuned(tuned, hyperParameters);
  }
}
