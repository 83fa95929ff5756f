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
 * a worker holds one record and one accumulator. Splits are those of {@link BatchingSource}, but
 * at most {@value #MAX_SPLITS} of them; a reader refuses dynamic splits. Each split's accumulator is
 * an element that a runner keeps until the merge, so their number must not grow with the input:
 * the DirectRunner splits off the rest of any read that runs for more than a second, again and
 * again, which at 10M rows made 243 accumulators per column (2.5M strings of frequent-item
 * sketches live, 4 GB of heap, more time in garbage collection than in reading).
 */
final class FoldingSource<AccumT> extends BoundedSource<AccumT> {
  private static final long serialVersionUID = 1L;

  /** Enough splits for every worker of a cluster to take several; few enough accumulators to hold. */
  static final int MAX_SPLITS = 64;

  private final BoundedSource<GenericRecord> source;
  private final SerializableFunction<GenericRecord, Row> toRow;
  private final Combine.CombineFn<Row, AccumT, ?> combineFn;
  private final Coder<AccumT> accumulatorCoder;

  FoldingSource(
      BoundedSource<GenericRecord> source,
      SerializableFunction<GenericRecord, Row> toRow,
      Combine.CombineFn<Row, AccumT, ?> combineFn,
      Coder<AccumT> accumulatorCoder) {
    this.source = source;
    this.toRow = toRow;
    this.combineFn = combineFn;
    this.accumulatorCoder = accumulatorCoder;
  }

  private FoldingSource<AccumT> over(BoundedSource<GenericRecord> split) {
    return new FoldingSource<>(split, toRow, combineFn, accumulatorCoder);
  }

  @Override
  public List<FoldingSource<AccumT>> split(long desiredBundleSizeBytes, PipelineOptions options)
      throws Exception {
    BatchingSource.registerFileSystems(options);
    List<FoldingSource<AccumT>> splits = new ArrayList<>();
    long bytes =
        Math.max(BatchingSource.splitBytes(desiredBundleSizeBytes), source.getEstimatedSizeBytes(options) / MAX_SPLITS + 1);
    for (BoundedSource<GenericRecord> split : source.split(bytes, options)) {
      splits.add(over(split));
    }
    return splits;
  }

  @Override
  public long getEstimatedSizeBytes(PipelineOptions options) throws Exception {
    BatchingSource.registerFileSystems(options);
    return source.getEstimatedSizeBytes(options);
  }

  @Override
  public BoundedReader<AccumT> createReader(PipelineOptions options) throws IOException {
    return new Reader<>(this, source.createReader(options));
  }

  @Override
  public Coder<AccumT> getOutputCoder() {
    return accumulatorCoder;
  }

  @Override
  public void validate() {
    source.validate();
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    source.populateDisplayData(builder);
    builder.add(DisplayData.item("combineFn", combineFn.getClass()).withLabel("Folded by"));
  }

  /** Reads every record of its split in {@link #start}, which yields the split's accumulator. */
  private static final class Reader<AccumT> extends BoundedReader<AccumT> {
    private final FoldingSource<AccumT> source;
    private final BoundedReader<GenericRecord> records;
    private AccumT current;
    private boolean done;

    Reader(FoldingSource<AccumT> source, BoundedReader<GenericRecord> records) {
      this.source = source;
      this.records = records;
    }

    @Override
    public boolean start() throws IOException {
      AccumT accumulator = source.combineFn.createAccumulator();
      for (boolean more = records.start(); more; more = records.advance()) {
        accumulator = source.combineFn.addInput(accumulator, source.toRow.apply(records.getCurrent()));
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

    @Override
    public Double getFractionConsumed() {
      return done ? Double.valueOf(1) : records.getFractionConsumed();
    }

    @Override
    public BoundedSource<AccumT> getCurrentSource() {
      return source.over(records.getCurrentSource());
    }

    /** Refuses: a residual would be one more accumulator (see the class comment). */
    @Override
    public BoundedSource<AccumT> splitAtFraction(double fraction) {
      return null;
    }

    @Override
    public void close() throws IOException {
      records.close();
    }
  }
}
