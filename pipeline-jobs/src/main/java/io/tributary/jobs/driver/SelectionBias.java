package io.tributary.jobs.driver;

import io.tributary.jobs.evaluate.EvaluateOptions;
import io.tributary.jobs.pipeline.ComponentSpec;
import io.tributary.jobs.pipeline.PipelineDefinition;
import io.tributary.jobs.tune.TuneOptions;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.options.Default;

/**
 * Warns when an Evaluator judges a model on the split a Tuner chose its hyper-parameters on: the
 * winning trial was picked for doing well on exactly those rows, so the Evaluator's figures are
 * optimistic. The fix is a third split: the Tuner selects on {@code eval}, the Evaluator judges
 * on {@code test}. A warning, not an error: a small data set may have no rows to spare.
 */
final class SelectionBias {

  private SelectionBias() {}

  /** One line per Evaluator that evaluates a split some Tuner tunes on; empty when none does. */
  static List<String> warnings(PipelineDefinition pipeline) {
    List<String> tuned = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (ComponentSpec spec : pipeline.components()) {
      if (spec.type().equals("Tuner")) {
        tuned.add(evalSplit(spec, TuneOptions.class));
      }
    }
    for (ComponentSpec spec : pipeline.components()) {
      String split = spec.type().equals("Evaluator") ? evalSplit(spec, EvaluateOptions.class) : null;
      if (split != null && tuned.contains(split)) {
        warnings.add(
            "warning: " + spec.id() + " judges the model on split '" + split + "', the split the Tuner selected it on,"
                + " so its metrics are optimistic: add a test split to ExampleGen (splitRatios: train:3,eval:1,test:1)"
                + " and set the " + spec.id() + "'s evalSplit: test");
      }
    }
    return warnings;
  }

  /** The component's {@code evalSplit} parameter, or the option's default. */
  private static String evalSplit(ComponentSpec spec, Class<?> options) {
    Object given = spec.parameters().get("evalSplit");
    if (given != null) {
      return String.valueOf(given);
    }
    try {
      return options.getMethod("getEvalSplit").getAnnotation(Default.String.class).value();
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(options.getSimpleName() + " has no evalSplit option", e);
    }
  }
}
