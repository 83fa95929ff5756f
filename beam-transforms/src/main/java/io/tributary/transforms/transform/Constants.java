package io.tributary.transforms.transform;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.Serializable;
import java.util.List;

/**
 * The fitted constants of one step, as written in {@code transform_fn.json}. Only the fields a
 * step uses are set; the others are null and left out of the JSON.
 *
 * @param count how many observed (non-missing) values the analyzer saw; null for stateless steps
 * @param mean mean of the observed values ({@code zScore})
 * @param stdDev population standard deviation of the observed values ({@code zScore})
 * @param min smallest observed value ({@code scaleTo01})
 * @param max largest observed value ({@code scaleTo01})
 * @param boundaries bucket boundaries, strictly increasing ({@code bucketize})
 * @param vocabulary the vocabulary, most frequent first ({@code vocabulary})
 * @param size how many indexes the step can produce ({@code vocabulary}, {@code bucketize},
 *     {@code hash}, {@code oneHot})
 * @param fill the value that replaces a missing one ({@code impute}): a JSON number with a
 *     fraction for numbers, an integer for integer columns, a string for categories
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Constants(
    Long count,
    Double mean,
    Double stdDev,
    Double min,
    Double max,
    List<Double> boundaries,
    List<String> vocabulary,
    Integer size,
    Object fill)
    implements Serializable {

  /** The constants of a step that fits nothing. */
  public static final Constants NONE = new Constants(null, null, null, null, null, null, null, null, null);

  public Constants {
    boundaries = boundaries == null ? null : List.copyOf(boundaries);
    vocabulary = vocabulary == null ? null : List.copyOf(vocabulary);
    fill = normalizeFill(fill);
  }

  static Constants moments(long count, double mean, double stdDev) {
    return new Constants(count, mean, stdDev, null, null, null, null, null, null);
  }

  static Constants range(long count, double min, double max) {
    return new Constants(count, null, null, min, max, null, null, null, null);
  }

  static Constants buckets(Long count, List<Double> boundaries) {
    return new Constants(count, null, null, null, null, boundaries, null, boundaries.size() + 1, null);
  }

  static Constants vocabulary(long count, List<String> vocabulary, int oovBuckets) {
    return new Constants(count, null, null, null, null, null, vocabulary, vocabulary.size() + oovBuckets, null);
  }

  static Constants size(int size) {
    return new Constants(null, null, null, null, null, null, null, size, null);
  }

  static Constants fill(Long count, Object fill) {
    return new Constants(count, null, null, null, null, null, null, null, fill);
  }

  /** JSON reads 2007 as an Integer and 43.5 as a Double: integers become Long, fractions Double. */
  private static Object normalizeFill(Object fill) {
    if (fill instanceof Double || fill instanceof Float) {
      return ((Number) fill).doubleValue();
    }
    if (fill instanceof Number) {
      return ((Number) fill).longValue();
    }
    return fill;
  }
}
