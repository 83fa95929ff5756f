package io.tributary.transforms.statistics;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.datasketches.frequencies.ErrorType;
import org.apache.datasketches.frequencies.ItemsSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The state of a {@link FeatureType#STRING} feature: a frequent-items sketch (exact while there are
 * few distinct values, see {@link StringStatistics}), an optional weighted one, an HLL sketch of the
 * distinct values and length counters.
 *
 * <p>While the frequent-items sketch is exact its items are the distinct values, so the HLL sketch
 * is only built, from those items, just before the first purge could lose one; low-cardinality
 * columns, the common case, never pay for hashing into it.
 */
final class StringAccumulator extends FeatureAccumulator {
  /**
   * What the HLL sketch is fed for the empty string, which its string update ignores: the hash
   * input of a long of all one-bits is eight 0xFF bytes, which no UTF-8 string encodes to.
   */
  private static final long EMPTY_STRING_KEY = -1L;

  private static final Comparator<ItemsSketch.Row<String>> BY_FREQUENCY =
      Comparator.comparingLong((ItemsSketch.Row<String> row) -> -row.getEstimate())
          .thenComparing(ItemsSketch.Row::getItem);

  private ItemsSketch<String> frequentItems = Sketches.newFrequentItems();
  private @Nullable ItemsSketch<String> weightedFrequentItems;
  /** {@code null} while the frequent-items sketch holds every distinct value. */
  private @Nullable Union distinct;
  private long totalLength;
  private long minLength = Long.MAX_VALUE;
  private long maxLength;

  StringAccumulator(boolean weighted) {
    super(FeatureType.STRING);
    weightedFrequentItems = weighted ? Sketches.newFrequentItems() : null;
  }

  @Override
  void addValue(Object value, double weight) {
    String text = (String) value;
    if (distinct == null
        && frequentItems.getNumActiveItems() >= Sketches.FREQUENT_ITEMS_EXACT_LIMIT - 1) {
      distinct = distinctValues();
    }
    frequentItems.update(text);
    if (weightedFrequentItems != null) {
      long units = Math.round(weight * Sketches.WEIGHT_SCALE);
      if (units > 0) {
        weightedFrequentItems.update(text, units);
      }
    }
    if (distinct != null) {
      addDistinct(distinct, text);
    }
    long length = text.codePointCount(0, text.length());
    totalLength += length;
    minLength = Math.min(minLength, length);
    maxLength = Math.max(maxLength, length);
  }

  private static void addDistinct(Union sketch, String text) {
    if (text.isEmpty()) {
      sketch.update(EMPTY_STRING_KEY);
    } else {
      sketch.update(text);
    }
  }

  /** The HLL sketch of the distinct values, built from the exact items if need be. */
  private Union distinctValues() {
    if (distinct != null) {
      return distinct;
    }
    Union sketch = Sketches.newDistinct();
    for (ItemsSketch.Row<String> row :
        frequentItems.getFrequentItems(0, ErrorType.NO_FALSE_NEGATIVES)) {
      addDistinct(sketch, row.getItem());
    }
    return sketch;
  }

  @Override
  void mergeValues(FeatureAccumulator other) {
    StringAccumulator that = (StringAccumulator) other;
    boolean mayPurge =
        frequentItems.getNumActiveItems() + that.frequentItems.getNumActiveItems()
            >= Sketches.FREQUENT_ITEMS_EXACT_LIMIT - 1;
    if (distinct != null || that.distinct != null || mayPurge) {
      Union merged = distinctValues();
      merged.update(that.distinctValues().getResult(TgtHllType.HLL_8));
      distinct = merged;
    }
    frequentItems.merge(that.frequentItems);
    if (weightedFrequentItems != null && that.weightedFrequentItems != null) {
      weightedFrequentItems.merge(that.weightedFrequentItems);
    }
    totalLength += that.totalLength;
    minLength = Math.min(minLength, that.minLength);
    maxLength = Math.max(maxLength, that.maxLength);
  }

  @Override
  void encodeValues(DataOutputStream out) throws IOException {
    Bytes.write(out, Sketches.toBytes(frequentItems));
    out.writeBoolean(weightedFrequentItems != null);
    if (weightedFrequentItems != null) {
      Bytes.write(out, Sketches.toBytes(weightedFrequentItems));
    }
    out.writeBoolean(distinct != null);
    if (distinct != null) {
      Bytes.write(out, distinct.toCompactByteArray());
    }
    out.writeLong(totalLength);
    out.writeLong(minLength);
    out.writeLong(maxLength);
  }

  @Override
  void decodeValues(DataInputStream in) throws IOException {
    frequentItems = Sketches.frequentItemsFrom(Bytes.read(in));
    weightedFrequentItems = in.readBoolean() ? Sketches.frequentItemsFrom(Bytes.read(in)) : null;
    distinct = in.readBoolean() ? Sketches.distinctFrom(Bytes.read(in)) : null;
    totalLength = in.readLong();
    minLength = in.readLong();
    maxLength = in.readLong();
  }

  @Override
  void figures(FeatureStatistics.Builder builder, StatisticsOptions options, boolean weighted) {
    List<ItemsSketch.Row<String>> ranked = ranked(frequentItems);
    List<RankBucket> rankHistogram = new ArrayList<>();
    for (int rank = 0; rank < Math.min(ranked.size(), options.rankHistogramBuckets()); rank++) {
      ItemsSketch.Row<String> row = ranked.get(rank);
      rankHistogram.add(RankBucket.of(rank, rank, row.getItem(), row.getEstimate()));
    }
    boolean exact = frequentItems.getMaximumError() == 0;
    boolean any = numNonMissing > 0;
    builder.setString(
        StringStatistics.builder()
            .setDistinctCount(
                exact
                    ? frequentItems.getNumActiveItems()
                    : Math.round(distinctValues().getEstimate()))
            .setTopValues(top(ranked, options.topK(), 1))
            .setWeightedTopValues(
                weighted && weightedFrequentItems != null
                    ? top(ranked(weightedFrequentItems), options.topK(), Sketches.WEIGHT_SCALE)
                    : List.of())
            .setRankHistogram(rankHistogram)
            .setAvgLength(any ? (double) totalLength / numNonMissing : Double.NaN)
            .setMinLength(any ? minLength : 0)
            .setMaxLength(maxLength)
            .setTotalLength(totalLength)
            .setMaxFrequencyError(frequentItems.getMaximumError())
            .setFrequentItemsSketch(Sketches.base64(Sketches.toBytes(frequentItems)))
            .setWeightedFrequentItemsSketch(
                weighted && weightedFrequentItems != null
                    ? Sketches.base64(Sketches.toBytes(weightedFrequentItems))
                    : null)
            .setDistinctSketch(Sketches.base64(distinctValues().toCompactByteArray()))
            .build());
  }

  /** Every tracked value, most frequent first, ties by value so that the order is deterministic. */
  private static List<ItemsSketch.Row<String>> ranked(ItemsSketch<String> sketch) {
    ItemsSketch.Row<String>[] rows = sketch.getFrequentItems(0, ErrorType.NO_FALSE_NEGATIVES);
    Arrays.sort(rows, BY_FREQUENCY);
    return Arrays.asList(rows);
  }

  private static List<ValueCount> top(List<ItemsSketch.Row<String>> ranked, int k, long unit) {
    List<ValueCount> result = new ArrayList<>(k);
    for (ItemsSketch.Row<String> row : ranked.subList(0, Math.min(k, ranked.size()))) {
      result.add(ValueCount.of(row.getItem(), (double) row.getEstimate() / unit));
    }
    return result;
  }

  @Override
  void restoreFigures(FeatureStatistics statistics) {
    StringStatistics string = statistics.string();
    frequentItems = Sketches.frequentItemsFrom(Sketches.unbase64(string.frequentItemsSketch()));
    String weighted = string.weightedFrequentItemsSketch();
    weightedFrequentItems =
        weighted == null ? null : Sketches.frequentItemsFrom(Sketches.unbase64(weighted));
    distinct = Sketches.distinctFrom(Sketches.unbase64(string.distinctSketch()));
    totalLength = string.totalLength();
    minLength = numNonMissing > 0 ? string.minLength() : Long.MAX_VALUE;
    maxLength = string.maxLength();
  }
}
