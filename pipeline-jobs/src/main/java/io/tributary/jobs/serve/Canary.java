package io.tributary.jobs.serve;

import io.tributary.transforms.model.Predictor;
import io.tributary.transforms.model.Score;
import io.tributary.transforms.transform.Constants;
import io.tributary.transforms.transform.FeatureSpec;
import io.tributary.transforms.transform.TransformFn;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.TypeName;

/**
 * The check a loaded version must pass before it is served: it scores a typical instance through
 * the whole serving path (JSON-typed raw record, transform, model) and the answer must be sane.
 *
 * <p>The typical instance is made from the transform's own fitted constants, so it needs no
 * example data: each column a feature reads takes the first usable constant of that feature's
 * steps (the imputation fill, the mean, the middle of the fitted range or of the bucket
 * boundaries, the most frequent vocabulary entry), else a neutral value of its type (0, "",
 * false). Columns only passed through (the label) are left out, as at serving time.
 *
 * <p>Sane means: classification gives a label that is one of the classes, and every probability
 * is finite and in [0, 1]; regression gives a finite value. A version whose canary fails is
 * reported as FAILED with the reason and never served.
 */
final class Canary {

  private Canary() {}

  /** Scores the typical instance; throws {@link IllegalStateException} saying what was wrong. */
  static Score check(Predictor predictor) {
    Map<String, Object> instance = typicalInstance(predictor.transform());
    Score score;
    try {
      score = predictor.predict(instance);
    } catch (RuntimeException e) {
      throw new IllegalStateException("the canary instance " + instance + " could not be scored: " + e.getMessage(), e);
    }
    if (score.value() != null) {
      if (!Double.isFinite(score.value())) {
        throw new IllegalStateException("the canary instance " + instance + " scored " + score.value());
      }
      return score;
    }
    if (score.label() == null || !score.probabilities().containsKey(score.label())) {
      throw new IllegalStateException(
          "the canary instance scored label " + score.label() + ", which is not among " + score.probabilities().keySet());
    }
    score.probabilities().forEach((label, p) -> {
      if (!(p >= 0.0 && p <= 1.0)) {
        throw new IllegalStateException("the canary instance scored probability " + p + " for class " + label);
      }
    });
    return score;
  }

  /** The typical raw instance of {@code fn}, one value per column a feature reads. */
  static Map<String, Object> typicalInstance(TransformFn fn) {
    Schema input = fn.inputSchema();
    Map<String, Object> instance = new HashMap<>();
    for (FeatureSpec feature : fn.spec().features()) {
      List<Constants> constants = fn.constants(feature.name());
      for (String column : feature.inputs()) {
        Schema.Field field = input.getField(column);
        Object value = feature.inputs().size() == 1 ? fitted(field, constants) : null;
        instance.putIfAbsent(column, value != null ? value : neutral(field));
      }
    }
    return instance;
  }

  private static Object fitted(Schema.Field field, List<Constants> constants) {
    for (Constants c : constants) {
      Object candidate = candidate(c);
      Object value = candidate == null ? null : ofType(field.getType().getTypeName(), candidate);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  private static Object candidate(Constants c) {
    if (c.fill() != null) {
      return c.fill();
    }
    if (c.mean() != null) {
      return c.mean();
    }
    if (c.min() != null && c.max() != null) {
      return (c.min() + c.max()) / 2;
    }
    if (c.boundaries() != null && !c.boundaries().isEmpty()) {
      return c.boundaries().get(c.boundaries().size() / 2);
    }
    if (c.vocabulary() != null && !c.vocabulary().isEmpty()) {
      return c.vocabulary().get(0);
    }
    return null;
  }

  /** {@code candidate} as a value of the column type, or null when it does not fit. */
  private static Object ofType(TypeName type, Object candidate) {
    switch (type) {
      case STRING:
        return candidate instanceof String ? candidate : null;
      case BOOLEAN:
        return "true".equals(candidate) || "false".equals(candidate) ? Boolean.valueOf((String) candidate) : null;
      case FLOAT:
      case DOUBLE:
        return candidate instanceof Number n ? n.doubleValue() : null;
      case BYTE:
      case INT16:
      case INT32:
      case INT64:
        if (candidate instanceof Number n) {
          return Math.round(n.doubleValue());
        }
        try {
          return Long.parseLong((String) candidate);
        } catch (NumberFormatException | ClassCastException e) {
          return null;
        }
      default:
        return null;
    }
  }

  private static Object neutral(Schema.Field field) {
    return switch (field.getType().getTypeName()) {
      case STRING -> "";
      case BOOLEAN -> false;
      case FLOAT, DOUBLE -> 0.0;
      case BYTES -> new byte[0];
      default -> 0L;
    };
  }
}
