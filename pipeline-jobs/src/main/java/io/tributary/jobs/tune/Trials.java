package io.tributary.jobs.tune;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.tributary.jobs.artifacts.ArtifactJson;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code trials.json}: every trial of a tuning run and which one won. Format version 1; fields
 * are only ever added. Everything but {@code durationMs} is the same for the same inputs, config
 * and seed, whatever {@code --parallelism}.
 *
 * @param formatVersion 1
 * @param algorithm the algorithm every trial trained
 * @param strategy grid or random
 * @param metric the metric the trials are ranked by
 * @param direction maximize or minimize
 * @param seed the search seed
 * @param bestTrial the winning trial's number: the best value, the lowest number among ties
 * @param trials every trial, in trial order
 */
@JsonPropertyOrder({"formatVersion", "algorithm", "strategy", "metric", "direction", "seed", "bestTrial", "trials"})
public record Trials(
    int formatVersion, String algorithm, String strategy, String metric, String direction, long seed, int bestTrial,
    List<Trial> trials) {

  public static final int FORMAT_VERSION = 1;
  public static final String FILE = "trials.json";

  /** Ranks finished trials; fails, with the first trial's error, when none succeeded. */
  public static Trials rank(TuneConfig config, List<Trial> trials) {
    SearchSpec search = config.search();
    Trial best = null;
    for (Trial trial : trials) {
      if (trial.succeeded() && (best == null || search.direction().better(trial.value(), best.value()))) {
        best = trial;
      }
    }
    if (best == null) {
      throw new IllegalStateException(
          "all " + trials.size() + " trials failed; trial 0: " + trials.get(0).error());
    }
    return new Trials(
        FORMAT_VERSION, config.algorithm().id(), search.strategy().id(), search.metric(), search.direction().id(),
        search.seed(), best.trial(), List.copyOf(trials));
  }

  public Trial best() {
    return trials.get(bestTrial);
  }

  public void write(Path folder) {
    ArtifactJson.write(folder.resolve(FILE), this);
  }

  public static Trials read(Path folder) {
    return ArtifactJson.read(folder.resolve(FILE), Trials.class);
  }
}
