package io.tributary.transforms.statistics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.values.KV;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Gathers the per-slice accumulators into one {@link DatasetStatistics} and derives the figures.
 * Run through {@code Combine.globally}, so that empty input still yields statistics with a row
 * count of 0. A slice key is {@code KV(column, value)}; {@link #OVERALL} is {@code KV(null, null)}.
 */
final class AssembleStatisticsFn
    extends Combine.CombineFn<
        KV<KV<String, String>, StatisticsAccumulator>,
        List<KV<KV<String, String>, StatisticsAccumulator>>,
        DatasetStatistics> {
  private static final long serialVersionUID = 1L;

  static final KV<String, String> OVERALL = KV.of(null, null);

  private final String name;
  private final String split;
  private final @Nullable String weightColumn;
  private final StatisticsOptions options;
  private final List<String> names;
  private final List<FeatureType> types;
  private final List<String> sliceColumns;

  AssembleStatisticsFn(
      String name,
      String split,
      @Nullable String weightColumn,
      StatisticsOptions options,
      List<String> names,
      List<FeatureType> types,
      List<String> sliceColumns) {
    this.name = name;
    this.split = split;
    this.weightColumn = weightColumn;
    this.options = options;
    this.names = List.copyOf(names);
    this.types = List.copyOf(types);
    this.sliceColumns = List.copyOf(sliceColumns);
  }

  /** The key of the slice of rows whose {@code column} holds {@code value} (null when missing). */
  static KV<String, String> sliceKey(String column, @Nullable Object value) {
    return KV.of(column, value == null ? null : value.toString());
  }

  static Coder<KV<String, String>> sliceKeyCoder() {
    return KvCoder.of(NullableCoder.of(StringUtf8Coder.of()), NullableCoder.of(StringUtf8Coder.of()));
  }

  @Override
  public List<KV<KV<String, String>, StatisticsAccumulator>> createAccumulator() {
    return new ArrayList<>();
  }

  /**
   * Merges the slice into the list's accumulator of the same key, so that the list holds one
   * accumulator per slice however many bundles sent one. The input is copied, never changed: it
   * is an element of the pipeline.
   */
  @Override
  public List<KV<KV<String, String>, StatisticsAccumulator>> addInput(
      List<KV<KV<String, String>, StatisticsAccumulator>> accumulator,
      KV<KV<String, String>, StatisticsAccumulator> slice) {
    StatisticsAccumulator same = null;
    for (KV<KV<String, String>, StatisticsAccumulator> part : accumulator) {
      if (part.getKey().equals(slice.getKey())) {
        same = part.getValue();
        break;
      }
    }
    if (same == null) {
      same = StatisticsAccumulator.empty(types, weightColumn != null);
      accumulator.add(KV.of(slice.getKey(), same));
    }
    same.merge(slice.getValue());
    return accumulator;
  }

  @Override
  public List<KV<KV<String, String>, StatisticsAccumulator>> mergeAccumulators(
      Iterable<List<KV<KV<String, String>, StatisticsAccumulator>>> accumulators) {
    List<KV<KV<String, String>, StatisticsAccumulator>> merged = createAccumulator();
    for (List<KV<KV<String, String>, StatisticsAccumulator>> accumulator : accumulators) {
      for (KV<KV<String, String>, StatisticsAccumulator> part : accumulator) {
        addInput(merged, part);
      }
    }
    return merged;
  }

  @Override
  public DatasetStatistics extractOutput(
      List<KV<KV<String, String>, StatisticsAccumulator>> accumulator) {
    return assemble(accumulator);
  }

  /** The statistics of the given slices; parts with the same key are merged. */
  DatasetStatistics assemble(Iterable<KV<KV<String, String>, StatisticsAccumulator>> parts) {
    Map<KV<String, String>, StatisticsAccumulator> byKey = new HashMap<>();
    for (KV<KV<String, String>, StatisticsAccumulator> part : parts) {
      StatisticsAccumulator known = byKey.putIfAbsent(part.getKey(), part.getValue());
      if (known != null) {
        known.merge(part.getValue());
      }
    }
    boolean weighted = weightColumn != null;
    StatisticsAccumulator overall = byKey.remove(OVERALL);
    if (overall == null) {
      overall = StatisticsAccumulator.empty(types, weighted);
    }
    List<KV<String, String>> keys = new ArrayList<>(byKey.keySet());
    keys.sort(
        Comparator.comparingInt((KV<String, String> key) -> sliceColumns.indexOf(key.getKey()))
            .thenComparing(KV::getValue, Comparator.nullsLast(Comparator.naturalOrder())));
    List<SliceStatistics> slices = new ArrayList<>(keys.size());
    for (KV<String, String> key : keys) {
      slices.add(
          byKey.get(key).toStatistics(key.getKey(), key.getValue(), names, options, weighted));
    }
    return DatasetStatistics.of(
        name,
        split,
        weightColumn,
        options,
        overall.toStatistics(null, null, names, options, weighted),
        slices);
  }

  @Override
  public Coder<List<KV<KV<String, String>, StatisticsAccumulator>>> getAccumulatorCoder(
      CoderRegistry registry, Coder<KV<KV<String, String>, StatisticsAccumulator>> inputCoder) {
    return ListCoder.of(KvCoder.of(sliceKeyCoder(), StatisticsAccumulatorCoder.of()));
  }

  @Override
  public Coder<DatasetStatistics> getDefaultOutputCoder(
      CoderRegistry registry, Coder<KV<KV<String, String>, StatisticsAccumulator>> inputCoder) {
    return DatasetStatisticsCoder.of();
  }
}
