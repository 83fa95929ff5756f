package io.tributary.transforms.transform;

/**
 * Where {@link TransformFn} reports values it had to handle specially. The batch path counts them
 * in Beam counters (see {@link Transform#METRICS_NAMESPACE}); a serving call may pass its own.
 */
@FunctionalInterface
public interface Tally {

  /** Ignores every event: the default for single-record calls. */
  Tally NONE = (feature, event) -> {};

  void count(String feature, Event event);

  /** What happened to a value. */
  enum Event {
    /** An input of the feature was missing (null, NaN or infinite). */
    MISSING("missing_"),
    /** A category was not in the fitted vocabulary. */
    OUT_OF_VOCABULARY("oov_"),
    /** A number lay outside the fitted range ({@code scaleTo01}) or was clipped ({@code clip}). */
    OUT_OF_RANGE("out_of_range_");

    private final String counterPrefix;

    Event(String counterPrefix) {
      this.counterPrefix = counterPrefix;
    }

    /** The Beam counter name for this event on {@code feature}, e.g. {@code oov_island_id}. */
    public String counterName(String feature) {
      return counterPrefix + feature;
    }
  }
}
