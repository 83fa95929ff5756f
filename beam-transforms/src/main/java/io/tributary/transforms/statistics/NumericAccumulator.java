package io.tributary.transforms.statistics;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.datasketches.kll.KllDoublesSketch;

/**
 * The state of an {@link FeatureType#INT} or {@link FeatureType#FLOAT} feature.
 *
 * <p>Mean and variance follow Welford's update per value and Chan et al.'s pairwise merge. Both run
 * in units of {@code 2^scale}, where {@code scale} tracks the largest magnitude seen (it is a
 * function of min and max), so that squared deviations of values near 1e300 do not overflow and
 * those of values near 1e-300 do not underflow; scaling by a power of two is exact.
 */
final class NumericAccumulator extends FeatureAccumulator {
  private long numZeros;
  private long numNaN;
  private long numPositiveInfinity;
  private long numNegativeInfinity;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;
  private int scale;
  /** {@code 2^-scale}. */
  private double unscale = 1;
  private double scaledMean;
  private double scaledM2;
  private double weightedNumFinite;
  private double weightedMean;
  private KllDoublesSketch quantiles = Sketches.newQuantiles();

  NumericAccumulator(FeatureType type) {
    super(type);
  }

  private long numFinite() {
    return numNonMissing - numNaN - numPositiveInfinity - numNegativeInfinity;
  }

  @Override
  void addValue(Object value, double weight) {
    double x = ((Number) value).doubleValue();
    if (Double.isNaN(x)) {
      numNaN++;
      return;
    }
    if (Double.isInfinite(x)) {
      if (x > 0) {
        numPositiveInfinity++;
      } else {
        numNegativeInfinity++;
      }
      return;
    }
    if (x == 0) {
      numZeros++;
    }
    if (x < min || x > max) {
      min = Math.min(min, x);
      max = Math.max(max, x);
      rescale(scaleOf(min, max));
    }
    // Multiplying by a power of two is exact, and cheaper than Math.scalb per value.
    double scaled = x * unscale;
    double delta = scaled - scaledMean;
    scaledMean += delta / numFinite();
    scaledM2 += delta * (scaled - scaledMean);
    if (weight > 0) {
      weightedNumFinite += weight;
      weightedMean += (x - weightedMean) * (weight / weightedNumFinite);
    }
    quantiles.update(x);
  }

  /** The power of two just above the largest magnitude between {@code min} and {@code max}. */
  private static int scaleOf(double min, double max) {
    return Math.getExponent(Math.max(Math.abs(min), Math.abs(max))) + 1;
  }

  private void rescale(int newScale) {
    if (newScale != scale) {
      int shift = scale - newScale;
      scaledMean = Math.scalb(scaledMean, shift);
      scaledM2 = Math.scalb(scaledM2, 2 * shift);
      setScale(newScale);
    }
  }

  private void setScale(int newScale) {
    scale = newScale;
    unscale = Math.scalb(1.0, -newScale);
  }

  @Override
  void mergeValues(FeatureAccumulator other) {
    NumericAccumulator that = (NumericAccumulator) other;
    long n = numFinite();
    long m = that.numFinite();
    if (m > 0) {
      min = Math.min(min, that.min);
      max = Math.max(max, that.max);
      rescale(scaleOf(min, max));
      int shift = that.scale - scale;
      double thatMean = Math.scalb(that.scaledMean, shift);
      double thatM2 = Math.scalb(that.scaledM2, 2 * shift);
      double total = (double) n + m;
      double delta = thatMean - scaledMean;
      scaledMean += delta * (m / total);
      scaledM2 += thatM2 + delta * delta * (n / total) * m;
    }
    numZeros += that.numZeros;
    numNaN += that.numNaN;
    numPositiveInfinity += that.numPositiveInfinity;
    numNegativeInfinity += that.numNegativeInfinity;
    double weightSum = weightedNumFinite + that.weightedNumFinite;
    if (that.weightedNumFinite > 0) {
      weightedMean += (that.weightedMean - weightedMean) * (that.weightedNumFinite / weightSum);
    }
    weightedNumFinite = weightSum;
    quantiles.merge(that.quantiles);
  }

  @Override
  void encodeValues(DataOutputStream out) throws IOException {
    out.writeLong(numZeros);
    out.writeLong(numNaN);
    out.writeLong(numPositiveInfinity);
    out.writeLong(numNegativeInfinity);
    out.writeDouble(min);
    out.writeDouble(max);
    out.writeInt(scale);
    out.writeDouble(scaledMean);
    out.writeDouble(scaledM2);
    out.writeDouble(weightedNumFinite);
    out.writeDouble(weightedMean);
    Bytes.write(out, quantiles.toByteArray());
  }

  @Override
  void decodeValues(DataInputStream in) throws IOException {
    numZeros = in.readLong();
    numNaN = in.readLong();
    numPositiveInfinity = in.readLong();
    numNegativeInfinity = in.readLong();
    min = in.readDouble();
    max = in.readDouble();
    setScale(in.readInt());
    scaledMean = in.readDouble();
    scaledM2 = in.readDouble();
    weightedNumFinite = in.readDouble();
    weightedMean = in.readDouble();
    quantiles = Sketches.quantilesFrom(Bytes.read(in));
  }

  @Override
  void figures(FeatureStatistics.Builder builder, StatisticsOptions options, boolean weighted) {
    long n = numFinite();
    boolean any = n > 0;
    int buckets = options.histogramBuckets();
    builder.setNumeric(
        NumericStatistics.builder()
            .setMin(any ? min : Double.NaN)
            .setMax(any ? max : Double.NaN)
            .setMean(any ? Math.scalb(scaledMean, scale) : Double.NaN)
            .setStdDev(any ? Math.scalb(Math.sqrt(Math.max(0, scaledM2) / n), scale) : Double.NaN)
            .setNumZeros(numZeros)
            .setNumNaN(numNaN)
            .setNumPositiveInfinity(numPositiveInfinity)
            .setNumNegativeInfinity(numNegativeInfinity)
            .setWeightedNumFinite(weighted ? weightedNumFinite : Double.NaN)
            .setWeightedMean(weighted && weightedNumFinite > 0 ? weightedMean : Double.NaN)
            .setMedian(any ? quantiles.getQuantile(0.5) : Double.NaN)
            .setQuantiles(quantileList(buckets))
            .setHistogram(Histograms.equalWidth(quantiles, min, max, buckets))
            .setQuantileHistogram(Histograms.betweenQuantiles(quantileList(buckets), n))
            .setQuantilesSketch(Sketches.base64(quantiles.toByteArray()))
            .build());
  }

  private List<Double> quantileList(int buckets) {
    List<Double> result = new ArrayList<>(buckets + 1);
    if (!quantiles.isEmpty()) {
      for (int i = 0; i <= buckets; i++) {
        result.add(quantiles.getQuantile((double) i / buckets));
      }
    }
    return result;
  }

  @Override
  void restoreFigures(FeatureStatistics statistics) {
    NumericStatistics numeric = statistics.numeric();
    numZeros = numeric.numZeros();
    numNaN = numeric.numNaN();
    numPositiveInfinity = numeric.numPositiveInfinity();
    numNegativeInfinity = numeric.numNegativeInfinity();
    long n = numFinite();
    if (n > 0) {
      min = numeric.min();
      max = numeric.max();
      setScale(scaleOf(min, max));
      scaledMean = Math.scalb(numeric.mean(), -scale);
      double scaledStdDev = Math.scalb(numeric.stdDev(), -scale);
      scaledM2 = scaledStdDev * scaledStdDev * n;
    }
    weightedNumFinite = zeroIfNaN(numeric.weightedNumFinite());
    weightedMean = zeroIfNaN(numeric.weightedMean());
    quantiles = Sketches.quantilesFrom(Sketches.unbase64(numeric.quantilesSketch()));
  }
}
