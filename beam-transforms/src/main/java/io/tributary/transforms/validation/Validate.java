package io.tributary.transforms.validation;

import io.tributary.transforms.deadletter.OutputWithErrors;
import com.google.auto.value.AutoValue;
import io.tributary.transforms.schema.DatasetSchema;
import io.tributary.transforms.statistics.FeatureType;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Validates each record against a schema and routes the failing ones to an error output (beyond
 * TFDV, which validates statistics only).
 *
 * <pre>{@code
 * OutputWithErrors result = rows.apply(Validate.against(schema)
 *     .inEnvironment(DatasetSchema.SERVING)     // optional: the label may be missing
 *     .withSource("gs://bucket/serving.csv")    // optional: written into each error
 *     .withLineField("line"));                  // optional: a column holding the line number
 * result.output();                              // the valid rows, unchanged
 * result.errors().apply(RecordError.asJsonLines()).apply(TextIO.write().to("errors/invalid"));
 * }</pre>
 *
 * <p>The rules are those of {@link RecordValidator}. The schema is checked against the input's
 * columns when the pipeline is built, before any record is read.
 *
 * <p><b>Counters</b> (namespace {@value #METRICS_NAMESPACE}): {@code records}, {@code
 * valid_records}, {@code invalid_records}, per failing feature {@code invalid_<feature>}, and per
 * feature and kind of problem {@code <feature>:<kind>} (e.g. {@code body_mass_g:out_of_range}, see
 * {@link RecordProblem#countKey()}).
 */
public final class Validate {
  public static final String METRICS_NAMESPACE = "tributary.validation";

  private Validate() {}

  /** Record validation against {@code schema}, in no environment, with an empty source name. */
  public static Records against(DatasetSchema schema) {
    if (schema == null) {
      throw new IllegalArgumentException("against(null): pass a schema, e.g. SchemaJson.read(file)");
    }
    return new AutoValue_Validate_Records(schema, null, "", null);
  }

  /** The transform returned by {@link #against}. */
  @AutoValue
  public abstract static class Records extends PTransform<PCollection<Row>, OutputWithErrors> {
    private static final long serialVersionUID = 1L;

    abstract DatasetSchema schema();

    abstract @Nullable String environment();

    abstract String source();

    abstract @Nullable String lineField();

    /** Validates records of this environment: features marked absent from it are not checked. */
    public Records inEnvironment(String environment) {
      if (!schema().environments().contains(environment)) {
        throw new IllegalArgumentException(
            "inEnvironment(" + environment + "): the schema's environments are " + schema().environments()
                + "; pick one or add it to the schema");
      }
      return new AutoValue_Validate_Records(schema(), environment, source(), lineField());
    }

    /** Names where the records came from (a file, a topic), written into each error. */
    public Records withSource(String source) {
      if (source == null) {
        throw new IllegalArgumentException("withSource(null): pass a name, or leave it unset");
      }
      return new AutoValue_Validate_Records(schema(), environment(), source, lineField());
    }

    /** Takes each error's {@code line} from this integer column of the input. */
    public Records withLineField(String column) {
      if (column == null || column.isEmpty()) {
        throw new IllegalArgumentException("withLineField(column): name an integer column");
      }
      return new AutoValue_Validate_Records(schema(), environment(), source(), column);
    }

    @Override
    public OutputWithErrors expand(PCollection<Row> input) {
      if (!input.hasSchema()) {
        throw new IllegalArgumentException(
            "Validate.against() needs rows with a schema: call setRowSchema(schema) on the input");
      }
      Schema rowSchema = input.getSchema();
      if (lineField() != null) {
        if (!rowSchema.hasField(lineField())
            || FeatureType.of(rowSchema.getField(lineField()).getType()) != FeatureType.INT) {
          throw new IllegalArgumentException(
              "withLineField(" + lineField() + "): the input has no integer column of that name; its columns are "
                  + rowSchema.getFieldNames());
        }
      }
      RecordValidator validator = RecordValidator.of(schema(), rowSchema, environment());
      TupleTag<Row> valid = new TupleTag<Row>("valid") {};
      TupleTag<Row> invalid = new TupleTag<Row>("invalid") {};
      PCollectionTuple outputs =
          input.apply(
              "ValidateRecords",
              ParDo.of(new ValidateFn(validator, source(), lineField(), valid, invalid))
                  .withOutputTags(valid, TupleTagList.of(invalid)));
      return OutputWithErrors.of(
          outputs.get(valid).setRowSchema(rowSchema), outputs.get(invalid).setRowSchema(RecordError.SCHEMA));
    }
  }

  /** Sends each row to the main output or, with its reasons, to the error output. */
  private static final class ValidateFn extends DoFn<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final RecordValidator validator;
    private final String source;
    private final @Nullable String lineField;
    private final TupleTag<Row> valid;
    private final TupleTag<Row> invalid;
    private final Counter records = Metrics.counter(METRICS_NAMESPACE, "records");
    private final Counter validRecords = Metrics.counter(METRICS_NAMESPACE, "valid_records");
    private final Counter invalidRecords = Metrics.counter(METRICS_NAMESPACE, "invalid_records");

    ValidateFn(
        RecordValidator validator,
        String source,
        @Nullable String lineField,
        TupleTag<Row> valid,
        TupleTag<Row> invalid) {
      this.validator = validator;
      this.source = source;
      this.lineField = lineField;
      this.valid = valid;
      this.invalid = invalid;
    }

    @ProcessElement
    public void process(@Element Row row, MultiOutputReceiver out) {
      records.inc();
      List<RecordProblem> problems = validator.problems(row);
      if (problems.isEmpty()) {
        validRecords.inc();
        out.get(valid).output(row);
        return;
      }
      invalidRecords.inc();
      List<String> reasons = new ArrayList<>();
      for (RecordProblem problem : problems) {
        Metrics.counter(METRICS_NAMESPACE, "invalid_" + problem.feature()).inc();
        Metrics.counter(METRICS_NAMESPACE, problem.countKey()).inc();
        reasons.add(problem.reason());
      }
      Object line = lineField == null ? null : row.getValue(lineField);
      Long lineNumber = line == null ? null : ((Number) line).longValue();
      out.get(invalid).output(RecordError.of(source, lineNumber, row, reasons));
    }
  }
}
