package io.tributary.jobs.tune;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.transforms.train.Algorithm;
import io.tributary.transforms.train.TrainerConfig;
import io.tributary.transforms.transform.SpecMappers;
import java.util.Map;

/**
 * A tune config: a trainer config (the same fields as {@code tributary train --config}) plus a
 * {@code search} section ({@link SearchSpec}). Each trial trains the trainer config with the
 * trial's hyper-parameters laid over the config's fixed ones.
 *
 * <pre>{@code
 * label: species
 * algorithm: cart            # required: the hyper-parameters searched are this algorithm's
 * hyperParameters: {minChildWeight: 2}   # fixed in every trial
 * seed: 0                    # the training seed of every trial
 * search:
 *   strategy: grid
 *   metric: accuracy
 *   parameters:
 *     maxDepth: [2, 4, 8]
 * }</pre>
 *
 * <p>Everything is checked when the file is read: the trainer fields as the Trainer checks them,
 * the search section, every searched name and value against the algorithm, and that no
 * hyper-parameter is both fixed and searched.
 *
 * @param trainer the trainer config without the search section
 * @param search the search section
 */
public record TuneConfig(TrainerConfig trainer, SearchSpec search) {

  public TuneConfig {
    if (trainer.algorithm() == null) {
      throw new IllegalArgumentException(
          "the tune config needs 'algorithm': the searched hyper-parameters are that algorithm's");
    }
    for (String name : search.parameters().keySet()) {
      if (trainer.hyperParameters().containsKey(name)
          || (name.equals(TrainerConfig.DECISION_THRESHOLD) && trainer.decisionThreshold() != null)) {
        throw new IllegalArgumentException(
            "hyper-parameter " + name + " is both fixed in hyperParameters and searched: remove one of them");
      }
    }
    search.check(trainer.algorithm());
  }

  /** Reads JSON ({@code json} true) or YAML text; errors name the field and what to fix. */
  public static TuneConfig parse(String text, boolean json) {
    ObjectMapper mapper = json ? SpecMappers.JSON : SpecMappers.YAML;
    JsonNode tree = SpecMappers.read(mapper, text, JsonNode.class, "tune config");
    if (!(tree instanceof ObjectNode fields)) {
      throw new IllegalArgumentException("the tune config is empty or not a mapping of fields");
    }
    if (!fields.has("search")) {
      throw new IllegalArgumentException(
          "the tune config needs a 'search' section: strategy, metric and parameters (see pipeline-jobs/docs/deploy.md)");
    }
    // Read from the text itself, not from the tree, so that every mistake keeps its line.
    TrainerConfig trainer = SpecMappers.readWithout(mapper, text, "search", TrainerConfig.class, "trainer config");
    SearchSpec spec = SpecMappers.readField(mapper, text, "search", SearchSpec.class, "search section");
    return new TuneConfig(trainer, spec);
  }

  public Algorithm algorithm() {
    return trainer.algorithm();
  }

  /**
   * The trainer config of one trial: the config's fixed hyper-parameters plus the trial's (a
   * searched {@code decisionThreshold} sets the threshold).
   */
  public TrainerConfig trialConfig(Map<String, Number> searched) {
    return trainer.tuned(trainer.algorithm(), searched);
  }
}
