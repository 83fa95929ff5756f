package io.tributary.transforms.transform;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * {@code {"op":"oneHot"}}: a vector of {@code size} doubles, 1.0 at the index produced by the
 * previous step ({@code vocabulary}, {@code bucketize} or {@code hash}) and 0.0 elsewhere. Its
 * size is fixed at fitting time: vocabulary size plus OOV buckets, boundaries plus one, or hash
 * buckets. A missing value or the index -1 (unseen, no OOV buckets) gives all zeros.
 */
@JsonTypeName("oneHot")
public record OneHot() implements Step {

  @Override
  public ValueKind outputKind(ValueKind input) {
    if (input != ValueKind.INDEX) {
      throw StepChecks.needs(this, "an index", input, "put vocabulary, bucketize or hash right before oneHot");
    }
    return ValueKind.VECTOR;
  }

  @Override
  public boolean handlesMissing() {
    return true;
  }

  @Override
  public Constants fit(ValueKind input, Object analyzed, Constants previous) {
    return Constants.size(previous.size());
  }

  @Override
  public Mapper bind(Constants constants) {
    int size = constants.size();
    List<Double> zeros = Collections.nCopies(size, 0.0);
    return (value, events) -> {
      long i = value == null ? -1 : (Long) value;
      if (i < 0 || i >= size) {
        return zeros;
      }
      Double[] vector = new Double[size];
      Arrays.fill(vector, 0.0);
      vector[(int) i] = 1.0;
      return Arrays.asList(vector);
    };
  }
}
