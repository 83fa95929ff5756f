package io.tributary.transforms.model;

import io.tributary.transforms.transform.FeatureSpec;
import io.tributary.transforms.transform.TransformFn;
import io.tributary.transforms.transform.TransformFnFiles;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.beam.sdk.values.Row;

/**
 * Scores raw records: the fitted transform, then the model. This is the single-record serving
 * path, and the code {@code BulkInferrer} runs for every row.
 *
 * <pre>{@code
 * Predictor predictor = Predictor.load("/runs/7/Trainer/model/12");   // transform from model.json
 * Score score = predictor.predict(Map.of("island", "Biscoe", "bill_length_mm", 41.2, ...));
 * score.label();           // "Adelie"
 * score.probabilities();   // {Adelie=0.97, Chinstrap=0.02, Gentoo=0.01}
 * }</pre>
 *
 * <p>The label is the most probable class, or, for a binary model with a {@code
 * decisionThreshold} in {@code model.json}, decided by that threshold ({@link ModelScorer}).
 *
 * <p>Instances are immutable; share one per thread or per worker (loading is the expensive part).
 * A record whose features cannot be computed (a missing value the transform does not impute)
 * fails with an {@link IllegalArgumentException} naming the feature.
 */
public final class Predictor {

  private final TransformFn transform;
  private final SavedModel saved;
  private final ModelScorer scorer;

  private Predictor(TransformFn transform, SavedModel saved) {
    FeatureVector.check(transform.outputSchema(), saved.descriptor().features());
    this.transform = transform;
    this.saved = saved;
    this.scorer = ModelScorer.of(saved);
  }

  /** Loads the model and the transform its descriptor names. */
  public static Predictor load(String modelDirectory) {
    SavedModel saved = ModelFolder.read(modelDirectory);
    String path = saved.descriptor().transform().path();
    if (path == null) {
      throw new IllegalArgumentException(
          "model.json in " + modelDirectory + " records no transform path: use load(model, transformFolder)");
    }
    return of(TransformFnFiles.read(path), saved);
  }

  /** Loads the model, with its transform read from {@code transformDirectory} (moved artifacts). */
  public static Predictor load(String modelDirectory, String transformDirectory) {
    return of(TransformFnFiles.read(transformDirectory), ModelFolder.read(modelDirectory));
  }

  /** A predictor over a transform and a model; fails unless the model was trained on that transform. */
  public static Predictor of(TransformFn transform, SavedModel saved) {
    saved.descriptor().transform().check(transform, "the given transform");
    return new Predictor(transform, saved);
  }

  public ModelDescriptor descriptor() {
    return saved.descriptor();
  }

  public TransformFn transform() {
    return transform;
  }

  /** Scores one raw row (a row of the examples the transform was fitted on). */
  public Score predict(Row raw) {
    Row features = transform.apply(raw);
    requireComputed(features::getValue);
    return scoreTransformed(features::getValue);
  }

  /** Scores one serving record: raw column name to value, as {@link TransformFn#apply(Map)} takes. */
  public Score predict(Map<String, ?> raw) {
    Map<String, Object> features = transform.apply(raw);
    requireComputed(features::get);
    return scoreTransformed(features::get);
  }

  /**
   * Fails, naming the raw column the client sent (by its original name), when a feature the model
   * reads came out missing: the column was missing and nothing in the spec imputes it.
   */
  private void requireComputed(Function<String, Object> features) {
    for (String feature : saved.descriptor().features()) {
      if (features.apply(feature) == null) {
        List<String> columns =
            transform.spec().features().stream()
                .filter(spec -> spec.name().equals(feature))
                .findFirst()
                .map(FeatureSpec::inputs)
                .orElse(List.of(feature));
        String named =
            columns.stream().map(transform.columnNames()::original).map(c -> "'" + c + "'")
                .collect(Collectors.joining(" or "));
        String used = columns.equals(List.of(feature)) ? "" : " (it feeds '" + feature + "')";
        throw new IllegalArgumentException(
            "feature " + named + " is missing" + used + " and the transform does not impute it: give a value, or"
                + " impute it in the transform spec");
      }
    }
  }

  /** Scores one already transformed record, given as a column lookup (see {@link ModelScorer}). */
  public Score scoreTransformed(Function<String, Object> column) {
    return scorer.score(column);
  }
}
