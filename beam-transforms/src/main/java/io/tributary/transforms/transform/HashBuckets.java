package io.tributary.transforms.transform;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * {@code {"op":"hash","buckets":100,"seed":0}}: the bucket of a category by a stable hash (see
 * {@link StableHash}), in {@code [0, buckets)}. The same text gets the same bucket in every JVM,
 * runner and language that implements MurmurHash3. The seed defaults to 0.
 */
@JsonTypeName("hash")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HashBuckets(Integer buckets, Long seed) implements Step {

  /** The most buckets: each bucket is a column of every row once one-hot encoded. */
  public static final int MAX_BUCKETS = 1_000_000;

  public HashBuckets {
    if (buckets == null || buckets < 1) {
      throw new IllegalArgumentException("hash needs buckets of at least 1, got " + buckets);
    }
    Bounds.atMost("hash buckets", buckets, MAX_BUCKETS, "each bucket is a column of every row");
    seed = seed == null ? 0L : seed;
  }

  public HashBuckets withSeed(long newSeed) {
    return new HashBuckets(buckets, newSeed);
  }

  @Override
  public ValueKind outputKind(ValueKind input) {
    if (!input.isCategorical()) {
      throw StepChecks.needs(this, "a category (string, boolean or integer)", input, "bucketize numbers instead");
    }
    return ValueKind.INDEX;
  }

  @Override
  public Constants fit(ValueKind input, Object analyzed, Constants previous) {
    return Constants.size(buckets);
  }

  @Override
  public Mapper bind(Constants constants) {
    int n = buckets;
    long s = seed;
    return (value, events) -> (long) StableHash.bucket(ValueKind.asText(value), s, n);
  }
}
