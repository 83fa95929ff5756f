package io.tributary.transforms.inference;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.transforms.deadletter.DeadLetter;
import io.tributary.transforms.metrics.BundleCounts;
import io.tributary.transforms.model.Predictor;
import io.tributary.transforms.model.Score;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.util.RowJson;
import org.apache.beam.sdk.util.RowJsonUtils;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Scores rows with a {@link Predictor} loaded once per DoFn instance, in {@code @Setup}, from the
 * model and transform folders; a row that fails to score becomes a dead letter.
 */
final class ScoreFn extends DoFn<Row, Row> {

  private final String modelDirectory;
  private final String transformDirectory;
  private final Schema inputSchema;
  private final Schema outputSchema;
  private final TupleTag<Row> errorsTag;
  private transient Predictor predictor;
  private transient ObjectMapper rowJson;
  private transient boolean loadNotCounted;
  private transient BundleCounts counts;

  ScoreFn(String modelDirectory, String transformDirectory, Schema inputSchema, Schema outputSchema, TupleTag<Row> errorsTag) {
    this.modelDirectory = modelDirectory;
    this.inputSchema = inputSchema;
    this.transformDirectory = transformDirectory;
    this.outputSchema = outputSchema;
    this.errorsTag = errorsTag;
  }

  @Setup
  public void setup() {
    predictor = Predictor.load(modelDirectory, transformDirectory);
    rowJson = jsonWriter(inputSchema);
    loadNotCounted = true;
  }

  @StartBundle
  public void startBundle() {
    counts = new BundleCounts(BulkInferrer.METRICS_NAMESPACE);
    if (loadNotCounted) {
      // Counters are reliable on every runner only inside bundles, so the load is counted here.
      counts.add(BulkInferrer.MODEL_LOADS_COUNTER);
      loadNotCounted = false;
    }
  }

  @ProcessElement
  public void process(@Element Row row, MultiOutputReceiver out) {
    Score score;
    try {
      score = predictor.predict(row);
    } catch (RuntimeException e) {
      counts.add(BulkInferrer.DEAD_LETTERS_COUNTER);
      out.get(errorsTag).output(DeadLetter.of(modelDirectory, null, raw(row), String.valueOf(e.getMessage())));
      return;
    }
    counts.add(BulkInferrer.SCORED_COUNTER);
    out.get(BulkInferrer.OUTPUT).output(PredictionRows.of(outputSchema, row, score));
  }

  @FinishBundle
  public void finishBundle() {
    counts.flush();
  }

  /** The row as one line of JSON, nulls included; Beam's text form when JSON cannot hold its types. */
  private String raw(Row row) {
    return rowJson == null ? String.valueOf(row) : RowJsonUtils.rowToJson(rowJson, row);
  }

  private static ObjectMapper jsonWriter(Schema schema) {
    try {
      return RowJsonUtils.newObjectMapperWith(RowJson.RowJsonSerializer.forSchema(schema).withDropNullsOnWrite(false));
    } catch (RuntimeException unsupportedSchema) {
      return null;
    }
  }
}
