package io.tributary.transforms.statistics;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.Row;

/**
 * The whole of {@link Statistics#generate()} as one {@code CombineFn} of rows: the accumulators of
 * every slice ({@link SliceAccumulators}) in, the assembled {@link DatasetStatistics} out. For
 * combines that fold rows where they are read ({@link Statistics.Generate#ofExamples}); the
 * transform on a collection of rows accumulates per bundle instead ({@link AccumulateBundleFn}).
 */
final class StatisticsCombineFn extends Combine.CombineFn<Row, SliceAccumulators, DatasetStatistics> {
  private static final long serialVersionUID = 1L;

  private final SliceCombineFn combine;
  private final int[] sliceIndexes;
  private final String[] sliceNames;
  private final AssembleStatisticsFn assemble;

  StatisticsCombineFn(
      SliceCombineFn combine, int[] sliceIndexes, String[] sliceNames, AssembleStatisticsFn assemble) {
    this.combine = combine;
    this.sliceIndexes = sliceIndexes;
    this.sliceNames = sliceNames;
    this.assemble = assemble;
  }

  @Override
  public SliceAccumulators createAccumulator() {
    return new SliceAccumulators(combine, sliceIndexes, sliceNames);
  }

  @Override
  public SliceAccumulators addInput(SliceAccumulators accumulator, Row row) {
    accumulator.add(row);
    return accumulator;
  }

  /** Merges into the first accumulator; the others are read, not changed. */
  @Override
  public SliceAccumulators mergeAccumulators(Iterable<SliceAccumulators> accumulators) {
    Iterator<SliceAccumulators> iterator = accumulators.iterator();
    if (!iterator.hasNext()) {
      return createAccumulator();
    }
    SliceAccumulators merged = iterator.next();
    while (iterator.hasNext()) {
      merged.merge(iterator.next());
    }
    return merged;
  }

  @Override
  public DatasetStatistics extractOutput(SliceAccumulators accumulator) {
    return assemble.assemble(accumulator.parts());
  }

  @Override
  public Coder<SliceAccumulators> getAccumulatorCoder(CoderRegistry registry, Coder<Row> inputCoder) {
    return new AccumulatorsCoder(this);
  }

  @Override
  public Coder<DatasetStatistics> getDefaultOutputCoder(CoderRegistry registry, Coder<Row> inputCoder) {
    return DatasetStatisticsCoder.of();
  }

  /** Encodes the accumulators as the list of slice parts that {@link AssembleStatisticsFn} takes. */
  private static final class AccumulatorsCoder extends CustomCoder<SliceAccumulators> {
    private static final long serialVersionUID = 1L;
    private static final Coder<List<KV<KV<String, String>, StatisticsAccumulator>>> PARTS =
        ListCoder.of(KvCoder.of(AssembleStatisticsFn.sliceKeyCoder(), StatisticsAccumulatorCoder.of()));

    private final StatisticsCombineFn fn;

    AccumulatorsCoder(StatisticsCombineFn fn) {
      this.fn = fn;
    }

    @Override
    public void encode(SliceAccumulators value, OutputStream out) throws IOException {
      PARTS.encode(value.parts(), out);
    }

    @Override
    public SliceAccumulators decode(InputStream in) throws IOException {
      return fn.createAccumulator().withParts(PARTS.decode(in));
    }

    @Override
    public void verifyDeterministic() {}
  }
}
