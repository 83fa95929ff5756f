package io.tributary.transforms.validation;

import io.tributary.transforms.statistics.NumericStatistics;
import java.util.Base64;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;

/** The KLL sketch stored in numeric statistics, read back for rank queries. */
final class QuantileSketch {
  private QuantileSketch() {}

  static KllDoublesSketch of(NumericStatistics numeric) {
    return KllDoublesSketch.heapify(Memory.wrap(Base64.getDecoder().decode(numeric.quantilesSketch())));
  }

  /** Values the sketch describes: the finite ones. */
  static long finiteCount(long present, NumericStatistics numeric) {
    return present - numeric.numNaN() - numeric.numPositiveInfinity() - numeric.numNegativeInfinity();
  }
}
