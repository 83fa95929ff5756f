package io.tributary.jobs.pipeline;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a component input comes from, as written in a pipeline file.
 *
 * <pre>
 * inputs:
 *   model: Trainer.model                                   # an upstream output of this run
 *   baseline_model: latestBlessedModel()                   # the newest blessed model of this pipeline
 *   baseline_statistics: previousSpan(StatisticsGen.statistics)  # that output, for the span before this run's
 * </pre>
 *
 * <p>The two resolvers look in the metadata store, so a first run finds nothing; they suit the
 * inputs a component declares optional (a baseline), where "nothing" means "skip the comparison".
 * {@code latestBlessedModel()} never answers with a model this component also reads through
 * another input (the candidate), so a re-run with a cached Trainer does not compare the model
 * with itself. {@code previousSpan(C.out)} runs after {@code C} and answers the newest LIVE
 * {@code out} of an earlier execution of {@code C} whose examples had the largest span below
 * this run's.
 */
public sealed interface InputReference {

  /** The component this input makes the reader wait for, if any. */
  Optional<String> upstream();

  /** {@code Component.output}: that output of this run. */
  record Upstream(String component, String output) implements InputReference {
    @Override
    public Optional<String> upstream() {
      return Optional.of(component);
    }

    @Override
    public String toString() {
      return component + "." + output;
    }
  }

  /** {@code latestBlessedModel()}: the model of the newest blessing with {@code blessed = 1}. */
  record LatestBlessedModel() implements InputReference {
    /** The artifact type it answers with. */
    public static final String TYPE = "Model";

    @Override
    public Optional<String> upstream() {
      return Optional.empty();
    }

    @Override
    public String toString() {
      return "latestBlessedModel()";
    }
  }

  /** {@code previousSpan(Component.output)}: that output as an earlier execution made it for the previous span. */
  record PreviousSpan(Upstream of) implements InputReference {
    @Override
    public Optional<String> upstream() {
      return of.upstream();
    }

    @Override
    public String toString() {
      return "previousSpan(" + of + ")";
    }
  }

  Pattern UPSTREAM = Pattern.compile("([A-Za-z][A-Za-z0-9_-]*)\\.([A-Za-z][A-Za-z0-9_]*)");
  Pattern PREVIOUS_SPAN = Pattern.compile("previousSpan\\(\\s*(.*?)\\s*\\)");

  /** Parses what a pipeline file says; the message of the exception names the accepted forms. */
  static InputReference parse(String text) {
    String trimmed = text.trim();
    if (trimmed.equals("latestBlessedModel()")) {
      return new LatestBlessedModel();
    }
    Matcher previous = PREVIOUS_SPAN.matcher(trimmed);
    if (previous.matches()) {
      return new PreviousSpan(upstream(previous.group(1), text));
    }
    return upstream(trimmed, text);
  }

  private static Upstream upstream(String reference, String text) {
    Matcher m = UPSTREAM.matcher(reference);
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not an input: write Component.output,"
          + " latestBlessedModel() or previousSpan(Component.output)");
    }
    return new Upstream(m.group(1), m.group(2));
  }
}
