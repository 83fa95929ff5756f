package io.tributary.jobs.monitor;

import io.tributary.jobs.evaluate.WriteSliceMetrics;
import io.tributary.jobs.execution.BeamRun;
import io.tributary.jobs.execution.Progress;
import io.tributary.jobs.options.UsageException;
import io.tributary.transforms.evaluate.Evaluate;
import io.tributary.transforms.evaluate.Slice;
import io.tributary.transforms.examplegen.ExampleGen;
import io.tributary.transforms.examplegen.ExampleGenResult;
import io.tributary.transforms.examplegen.Input;
import io.tributary.transforms.examples.ColumnNames;
import io.tributary.transforms.metrics.PipelineCounters;
import io.tributary.transforms.model.ModelDescriptor;
import io.tributary.transforms.model.Task;
import io.tributary.transforms.monitor.GroundTruth;
import io.tributary.transforms.monitor.LabelJoin;
import io.tributary.transforms.statistics.Statistics;
import io.tributary.transforms.statistics.StatisticsJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.transforms.AddFields;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.Row;

/**
 * The one Beam pipeline of a monitoring run: each log span is read with ExampleGen (the logged
 * files are examples) and described by {@code Statistics.generate()}, StatisticsGen's transform,
 * in one pass over every logged column; with labels, the spans' rows are joined with them
 * ({@link GroundTruth#join}) and evaluated per span by {@code Evaluate}, sliced by span.
 *
 * <pre>
 * &lt;work&gt;/spans/&lt;span&gt;/statistics.json
 * &lt;work&gt;/metrics/slices-*          one line per span ({@link WriteSliceMetrics})
 * </pre>
 */
final class SpanPipeline {

  /** The column the joined rows carry their span in, to slice the realized metrics by. */
  static final String SPAN_COLUMN = "log_span";

  /** What the run found besides the files: the join's counts, and the columns' original names. */
  record Outcome(Map<String, Long> joinCounts, ColumnNames columnNames) {}

  /** How labels are joined: the file, the key and the label column. */
  record Labels(String files, List<String> key, String column) {}

  private SpanPipeline() {}

  static Outcome run(PipelineOptions options, LoggedSpans log, long version, List<Long> spans, Labels labels,
      ModelDescriptor model, Path work, Progress progress) {
    Pipeline pipeline = Pipeline.create(options);
    List<PCollection<Row>> tagged = new ArrayList<>();
    ColumnNames names = null;
    Schema rowSchema = null;
    for (long span : spans) {
      ExampleGenResult read = pipeline.apply("Read/" + span,
          ExampleGen.fromSplits(Map.of("served", Input.avro(log.files(span, version)))));
      if (names == null) {
        names = read.columnNames();
      }
      PCollection<Row> rows = read.split("served");
      rows.apply("Statistics/" + span, Statistics.generate().withDatasetName(log.model()).withSplit(Long.toString(span)))
          .apply("Write/" + span, StatisticsJson.writeTo(work.resolve("spans").resolve(Long.toString(span)).toString()));
      if (labels != null) {
        PCollection<Row> withSpan = rows.apply("Tag/" + span,
            AddFields.<Row>create().field(SPAN_COLUMN, FieldType.INT64, span));
        rowSchema = rowSchema == null ? withSpan.getSchema() : rowSchema;
        tagged.add(withSpan.setRowSchema(rowSchema));
      }
    }
    if (labels != null) {
      evaluate(pipeline, PCollectionList.of(tagged).apply("AllSpans", Flatten.pCollections()).setRowSchema(rowSchema),
          labels, model, work.resolve("metrics"));
    }
    progress.say("reading " + spans.size() + " span(s) of " + log.model() + " version " + version
        + (labels == null ? "" : ", joining labels " + labels.files()));
    PipelineResult result = BeamRun.toCompletion(pipeline, progress);
    Map<String, Long> counts = labels == null ? Map.of()
        : PipelineCounters.of(result, LabelJoin.METRICS_NAMESPACE).byName();
    return new Outcome(counts, names);
  }

  private static void evaluate(Pipeline pipeline, PCollection<Row> logged, Labels labels, ModelDescriptor model,
      Path folder) {
    PCollection<Row> labelRows;
    LabelJoin.Result joined;
    try {
      labelRows = pipeline.apply("ReadLabels", ExampleGen.fromSplits(Map.of("labels", Input.of(labels.files()))))
          .split("labels");
      joined = logged.apply("JoinLabels", GroundTruth.join(labelRows)
          .on(labels.key().toArray(String[]::new)).withLabel(labels.column()));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--labels=" + labels.files() + ": " + e.getMessage());
    }
    Slice bySpan = Slice.by(SPAN_COLUMN);
    if (model.task() == Task.CLASSIFICATION) {
      joined.output().apply("Evaluate", Evaluate.classification(labels.column(), model.positiveClass()).withSlices(bySpan))
          .apply("WriteMetrics", WriteSliceMetrics.to(folder));
    } else {
      joined.output().apply("Evaluate", Evaluate.regression(labels.column()).withSlices(bySpan))
          .apply("WriteMetrics", WriteSliceMetrics.to(folder));
    }
  }

  /** The labels' columns, read when the pipeline is built: to choose the default key. */
  static List<String> labelColumns(String files) {
    try {
      Pipeline probe = Pipeline.create();
      return probe.apply(ExampleGen.fromSplits(Map.of("labels", Input.of(files)))).schema().getFieldNames();
    } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
      throw new UsageException("--labels=" + files + ": " + e.getMessage());
    }
  }
}
