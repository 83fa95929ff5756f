package io.tributary.transforms.examples;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.io.BoundedSource;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.Row;

/**
 * A bounded source that reads the Avro records of another one and folds them, as rows, into one
 * accumulator of a {@code CombineFn} per split: its only element. {@link ExamplesIO.Read#combined}
 * merges those accumulators.
 *
 * <p>Why: a combine over a split's rows needs no row to travel between steps. Read as elements,
 * the rows cost every runner its per-element work, and the DirectRunner holds a whole split's rows
 * in memory (it reads a split into one bundle, and reads its splits before the steps after): a
 * million rows of examples took 2 GB of live heap and grew with the input. Folded in the reader,
 * a worker holds one record and one accumulator.
 *
 * <p>Each split's accumulator is an element that a runner keeps until the merge, so their number
 * must not grow with the input: there are at most {@value #MAX_SPLITS} splits, each folding one or
 * more consecutive splits of the wrapped source (one file is at least one of those, and a folder
 * may hold hundreds of files), and a reader refuses dynamic splits. The DirectRunner splits off
 * the rest of any read that runs for more than a second, again and again, which at 10M rows made
 * 243 accumulators per column (2.5M strings of frequent-item sketches live, 4 GB of heap, more
 * time in garbage collection than in reading); a folder of 300 files per split did the same.
 */
final class FoldingSource<AccumT> extends BoundedSource<AccumT> {
  private static final long serialVersionUID = 1L;

  /** Enough splits for every worker of a cluster to take several; few enough accumulators to hold. */
  static final int MAX_SPLITS = 64;

  private final List<BoundedSource<GenericRecord>> sources;
  private final SerializableFunction<GenericRecord, Row> toRow;
  private final Combine.CombineFn<Row, AccumT, ?> combineFn;
  private final Coder<AccumT> accumulatorCoder;

  FoldingSource(
      BoundedSource<GenericRecord> source,
      SerializableFunction<GenericRecord, Row> toRow,
      Combine.CombineFn<Row, AccumT, ?> combineFn,
      Coder<AccumT> accumulatorCoder) {
    this(List.of(source), toRow, combineFn, accumulatorCoder);
  }

  private FoldingSource(
      List<BoundedSource<GenericRecord>> sources,
      SerializableFunction<GenericRecord, Row> toRow,
      Combine.CombineFn<Row, AccumT, ?> combineFn,
      Coder<AccumT> accumulatorCoder) {
    this.sources = List.copyOf(sources);
    this.toRow = toRow;
    this.combineFn = combineFn;
    this.accumulatorCoder = accumulatorCoder;
  }

  /** Splits the wrapped sources, then folds runs of consecutive parts together: at most {@value #MAX_SPLITS}. */
  @Override
  public List<FoldingSource<AccumT>> split(long desiredBundleSizeBytes, PipelineOptions options)
      throws Exception {
    BatchingSource.registerFileSystems(options);
    long bytes = Math.max(BatchingSource.splitBytes(desiredBundleSizeBytes), getEstimatedSizeBytes(options) / MAX_SPLITS + 1);
    List<BoundedSource<GenericRecord>> parts = new ArrayList<>();
    for (BoundedSource<GenericRecord> source : sources) {
      parts.addAll(source.split(bytes, options));
    }
    int groups = Math.min(MAX_SPLITS, parts.size());
    List<FoldingSource<AccumT>> splits = new ArrayList<>();
    for (int group = 0; group < groups; group++) {
      List<BoundedSource<GenericRecord>> run =
          parts.subList(group * parts.size() / groups, (group + 1) * parts.size() / groups);
      splits.add(new FoldingSource<>(run, toRow, combineFn, accumulatorCoder));
    }
    return splits;
  }

  @Override
  public long getEstimatedSizeBytes(PipelineOptions options) throws Exception {
    BatchingSource.registerFileSystems(options);
    long bytes = 0;
    for (BoundedSource<GenericRecord> source : sources) {
      bytes += source.getEstimatedSizeBytes(options);
    }
    return bytes;
  }

  @Override
  public BoundedReader<AccumT> createReader(PipelineOptions options) throws IOException {
    return new Reader<>(this, options);
  }

  @Override
  public Coder<AccumT> getOutputCoder() {
    return accumulatorCoder;
  }

  @Override
  public void validate() {
    sources.forEach(BoundedSource::validate);
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    sources.get(0).populateDisplayData(builder);
    builder.add(DisplayData.item("combineFn", combineFn.getClass()).withLabel("Folded by"));
  }

  /** Reads every record of its sources in {@link #start}, which yields the split's accumulator. */
  private static final class Reader<AccumT> extends BoundedReader<AccumT> {
    private final FoldingSource<AccumT> source;
    private final PipelineOptions options;
    private volatile int folded;
    private AccumT current;
    private boolean done;

    Reader(FoldingSource<AccumT> source, PipelineOptions options) {
      this.source = source;
      this.options = options;
    }

    @Override
    public boolean start() throws IOException {
      AccumT accumulator = source.combineFn.createAccumulator();
      for (BoundedSource<GenericRecord> part : source.sources) {
        try (BoundedReader<GenericRecord> records = part.createReader(options)) {
          for (boolean more = records.start(); more; more = records.advance()) {
            accumulator = source.combineFn.addInput(accumulator, source.toRow.apply(records.getCurrent()));
          }
        }
        folded++;
      }
      current = accumulator;
      return true;
    }

    @Override
    public boolean advance() {
      current = null;
      done = true;
      return false;
    }

    @Override
    public AccumT getCurrent() {
      if (current == null) {
        throw new NoSuchElementException("the reader is not positioned on its accumulator");
      }
      return current;
    }

    /** The share of its sources folded so far. */
    @Override
    public Double getFractionConsumed() {
      return done ? 1.0 : (double) folded / source.sources.size();
    }

    @Override
    public BoundedSource<AccumT> getCurrentSource() {
      return source;
    }

    /** Refuses: a residual would be one more accumulator (see the class comment). */
    @Override
    public BoundedSource<AccumT> splitAtFraction(double fraction) {
      return null;
    }

    @Override
    public void close() {}
  }
}
