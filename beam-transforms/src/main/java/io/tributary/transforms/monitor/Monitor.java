package io.tributary.transforms.monitor;

import io.tributary.transforms.examples.ColumnNames;
import io.tributary.transforms.schema.DatasetSchema;
import io.tributary.transforms.statistics.DatasetStatistics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Monitors a served model over the statistics of its request log spans: a composite transform from
 * one {@link DatasetStatistics} per span (computed by {@code Statistics.generate().withSplit(span)}
 * from the span's logged rows, the split named by the span number) to one {@link SpanCheck} per
 * span, each span compared with the training data and with the span before it.
 *
 * <pre>{@code
 * PCollection<DatasetStatistics> spans = ...;   // Statistics.generate().withSplit("202612072000") of each span
 * PCollection<SpanCheck> checks = spans.apply(Monitor.of("penguin", 1).against(schema, trainingStatistics));
 * checks.apply(FlatMapElements.into(TypeDescriptor.of(Alert.class)).via(SpanCheck::alerts));
 * }</pre>
 *
 * <p>The spans' statistics are a few kilobytes each, so they are brought together in one place
 * and checked in span order; the statistics themselves are computed in parallel upstream. The
 * checks are {@link SpanCheck#of}, the code {@code tributary monitor} runs.
 */
public final class Monitor extends PTransform<PCollection<DatasetStatistics>, PCollection<SpanCheck>> {
  private static final long serialVersionUID = 1L;

  private final String model;
  private final long version;
  private final DatasetSchema schema;
  private final DatasetStatistics training;
  private final ColumnNames names;

  private Monitor(String model, long version, DatasetSchema schema, DatasetStatistics training, ColumnNames names) {
    this.model = model;
    this.version = version;
    this.schema = schema;
    this.training = training;
    this.names = names;
  }

  /** Monitors {@code model} version {@code version}; name the baseline with {@link #against} (required). */
  public static Monitor of(String model, long version) {
    if (model == null || model.isBlank()) {
      throw new IllegalArgumentException("Monitor.of(): name the served model");
    }
    return new Monitor(model, version, null, null, ColumnNames.of(Map.of()));
  }

  /** The training schema (with a SERVING environment) and the statistics of the data the model was trained on. */
  public Monitor against(DatasetSchema trainingSchema, DatasetStatistics trainingStatistics) {
    if (trainingSchema == null || trainingStatistics == null) {
      throw new IllegalArgumentException("against(schema, statistics): pass both, e.g. SchemaGen's and StatisticsGen's train split");
    }
    if (!trainingSchema.environments().contains(DatasetSchema.SERVING)) {
      throw new IllegalArgumentException("against(): the schema has no SERVING environment (it has "
          + trainingSchema.environments() + "): add it, with the label absent from it");
    }
    return new Monitor(model, version, trainingSchema, trainingStatistics, names);
  }

  /** Names features in alerts by their original column names. */
  public Monitor withColumnNames(ColumnNames columnNames) {
    if (columnNames == null) {
      throw new IllegalArgumentException("withColumnNames(null): pass e.g. ExampleGenResult.columnNames()");
    }
    return new Monitor(model, version, schema, training, columnNames);
  }

  @Override
  public PCollection<SpanCheck> expand(PCollection<DatasetStatistics> spans) {
    if (schema == null) {
      throw new IllegalArgumentException("against(schema, statistics) is required: name the training baseline");
    }
    return spans
        .apply("AllSpans", WithKeys.<Integer, DatasetStatistics>of(0).withKeyType(TypeDescriptors.integers()))
        .setCoder(KvCoder.of(VarIntCoder.of(), spans.getCoder()))
        .apply("Together", GroupByKey.create())
        .apply("Check", ParDo.of(new CheckInOrder(this)))
        .setCoder(SerializableCoder.of(SpanCheck.class));
  }

  private static final class CheckInOrder extends DoFn<KV<Integer, Iterable<DatasetStatistics>>, SpanCheck> {
    private final Monitor monitor;

    CheckInOrder(Monitor monitor) {
      this.monitor = monitor;
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<DatasetStatistics>> all, OutputReceiver<SpanCheck> out) {
      List<DatasetStatistics> spans = new ArrayList<>();
      all.getValue().forEach(spans::add);
      spans.sort(Comparator.comparingLong(Monitor::spanOf));
      DatasetStatistics previous = null;
      for (DatasetStatistics span : spans) {
        out.output(SpanCheck.of(monitor.model, monitor.version, spanOf(span), monitor.schema, monitor.training, previous,
            span, monitor.names));
        previous = span;
      }
    }
  }

  private static long spanOf(DatasetStatistics statistics) {
    try {
      return Long.parseLong(statistics.split());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("statistics of split '" + statistics.split()
          + "' are not a log span's: compute them with Statistics.generate().withSplit(\"<span number>\")");
    }
  }
}
