package io.tributary.transforms.transform;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.tributary.transforms.transform.Tally.Event;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Index of a category in a vocabulary fitted on the data ({@code compute_and_apply_vocabulary}):
 * {@code {"op":"vocabulary","topK":100,"frequencyThreshold":5,"oovBuckets":2}}.
 *
 * <ul>
 *   <li>{@code topK}: keep at most this many values, most frequent first (absent: all).
 *   <li>{@code frequencyThreshold}: keep only values seen at least this often (default 1).
 *   <li>{@code oovBuckets}: a value not in the vocabulary gets index {@code size + hash % oovBuckets}
 *       (see {@link StableHash}); with 0 (the default) it gets -1.
 * </ul>
 *
 * <p>Indexes follow the vocabulary order: by count, highest first, ties by text (see {@link
 * TopValuesFn}). Unseen values are counted as {@link Event#OUT_OF_VOCABULARY}. Integer columns are
 * categories written in decimal.
 */
@JsonTypeName("vocabulary")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Vocabulary(Integer topK, Integer frequencyThreshold, Integer oovBuckets) implements Step {

  /** The most values topK keeps, and the most out-of-vocabulary buckets: each is a column once one-hot encoded. */
  public static final int MAX_SIZE = 1_000_000;

  public Vocabulary {
    if (topK != null && topK <= 0) {
      throw new IllegalArgumentException("vocabulary topK must be positive, got " + topK + ": leave it out to keep all values");
    }
    if (topK != null) {
      Bounds.atMost("vocabulary topK", topK, MAX_SIZE, "each value is kept in the transform and is a column once one-hot encoded");
    }
    if (oovBuckets != null) {
      Bounds.atMost("vocabulary oovBuckets", oovBuckets, MAX_SIZE, "each bucket is a column once one-hot encoded");
    }
    frequencyThreshold = frequencyThreshold == null ? 1 : frequencyThreshold;
    if (frequencyThreshold < 1) {
      throw new IllegalArgumentException("vocabulary frequencyThreshold must be at least 1, got " + frequencyThreshold);
    }
    oovBuckets = oovBuckets == null ? 0 : oovBuckets;
    if (oovBuckets < 0) {
      throw new IllegalArgumentException("vocabulary oovBuckets must be 0 or more, got " + oovBuckets);
    }
  }

  public Vocabulary withTopK(int k) {
    return new Vocabulary(k, frequencyThreshold, oovBuckets);
  }

  public Vocabulary withFrequencyThreshold(int minCount) {
    return new Vocabulary(topK, minCount, oovBuckets);
  }

  public Vocabulary withOovBuckets(int buckets) {
    return new Vocabulary(topK, frequencyThreshold, buckets);
  }

  @Override
  public ValueKind outputKind(ValueKind input) {
    if (!input.isCategorical()) {
      throw StepChecks.needs(this, "a category (string, boolean or integer)", input, "bucketize numbers instead");
    }
    return ValueKind.INDEX;
  }

  @Override
  public AnalyzerFn<?, ?, ?> analyzer(ValueKind input) {
    return TopValuesFn.of(topK, frequencyThreshold);
  }

  @Override
  public Constants fit(ValueKind input, Object analyzed, Constants previous) {
    TopValuesFn.TopValues top = (TopValuesFn.TopValues) analyzed;
    return Constants.vocabulary(top.count(), top.values(), oovBuckets);
  }

  @Override
  public Mapper bind(Constants constants) {
    List<String> values = constants.vocabulary();
    Map<String, Long> index = new HashMap<>();
    for (int i = 0; i < values.size(); i++) {
      index.put(values.get(i), (long) i);
    }
    int size = values.size();
    int oov = oovBuckets;
    return (value, events) -> {
      String text = ValueKind.asText(value);
      Long i = index.get(text);
      if (i != null) {
        return i;
      }
      events.accept(Event.OUT_OF_VOCABULARY);
      return oov == 0 ? -1L : (long) (size + StableHash.bucket(text, 0L, oov));
    };
  }
}
