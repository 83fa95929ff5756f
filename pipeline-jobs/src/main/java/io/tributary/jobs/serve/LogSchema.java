package io.tributary.jobs.serve;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.transforms.examplegen.FieldNames;
import io.tributary.transforms.examples.ColumnNames;
import io.tributary.transforms.examples.ExamplesIO;
import io.tributary.transforms.model.Task;
import io.tributary.transforms.transform.TransformFn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema.Type;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.Schema.TypeName;

/**
 * The columns of one model version's request log, and the Avro records of one logged request.
 *
 * <p>A logged row is the raw instance as the version's transform reads it (its input columns, the
 * label left out, each nullable, under their field names with the original names recorded as
 * {@link ColumnNames} do in {@code schema.avsc}), then:
 *
 * <pre>
 * request_id       STRING  the client's X-Request-Id, else the one the server made (returned to the client)
 * request_instance INT64   the instance's place in the request, from 0: with request_id, the key labels join on
 * request_time_ms  INT64   when the answer was ready, milliseconds since 1970-01-01 UTC
 * model_name       STRING
 * model_version    INT64
 * prediction       STRING (the class) or DOUBLE (regression)
 * probability_C    DOUBLE  one column per class C of a classifier (field-safe names, FieldNames)
 * </pre>
 *
 * <p>Every column is a flat primitive, so ExampleGen reads the files field by field and files of
 * versions whose columns differ still read together (a column a file lacks is missing).
 */
final class LogSchema {

  static final String REQUEST_ID = "request_id";
  static final String REQUEST_INSTANCE = "request_instance";
  static final String REQUEST_TIME = "request_time_ms";
  static final String MODEL_NAME = "model_name";
  static final String MODEL_VERSION = "model_version";
  static final String PREDICTION = io.tributary.transforms.inference.PredictionRows.PREDICTION;
  static final String PROBABILITY_PREFIX = "probability_";

  private static final Set<TypeName> LOGGED_TYPES =
      Set.of(TypeName.STRING, TypeName.BOOLEAN, TypeName.DOUBLE, TypeName.FLOAT, TypeName.INT64, TypeName.INT32,
          TypeName.INT16, TypeName.BYTE);

  private final org.apache.avro.Schema avro;
  private final List<String> rawFields;
  private final Map<String, String> probabilityFields;
  private final int firstLogColumn;

  private LogSchema(org.apache.avro.Schema avro, List<String> rawFields, Map<String, String> probabilityFields) {
    this.avro = avro;
    this.rawFields = rawFields;
    this.probabilityFields = probabilityFields;
    this.firstLogColumn = rawFields.size();
  }

  /**
   * The log columns of {@code version}; fails when a raw column has the name of a log column
   * (rename it in ExampleGen, or turn the request log off).
   */
  static LogSchema of(LoadedVersion version) {
    TransformFn transform = version.predictor().transform();
    String label = version.predictor().descriptor().label();
    Schema input = transform.inputSchema();
    Map<String, String> byOriginal = new LinkedHashMap<>();
    Schema.Builder beam = Schema.builder();
    List<String> rawFields = new ArrayList<>();
    for (Schema.Field field : input.getFields()) {
      if (field.getName().equals(label) || !LOGGED_TYPES.contains(field.getType().getTypeName())) {
        continue;
      }
      beam.addField(Schema.Field.nullable(field.getName(), field.getType().withNullable(false)));
      rawFields.add(field.getName());
      byOriginal.put(transform.columnNames().original(field.getName()), field.getName());
    }
    boolean classifier = version.predictor().descriptor().task() == Task.CLASSIFICATION;
    Map<String, String> probabilityFields = new LinkedHashMap<>();
    if (classifier) {
      // The canary's answer has a probability for every class the model knows.
      List<String> classes = List.copyOf(Canary.check(version.predictor()).probabilities().keySet());
      List<String> columns = classes.stream().map(cls -> PROBABILITY_PREFIX + cls).toList();
      List<String> fields = FieldNames.of(columns);
      for (int i = 0; i < classes.size(); i++) {
        probabilityFields.put(classes.get(i), fields.get(i));
        byOriginal.put(columns.get(i), fields.get(i));
      }
    }
    List<String> logColumns = new ArrayList<>(List.of(REQUEST_ID, REQUEST_INSTANCE, REQUEST_TIME, MODEL_NAME, MODEL_VERSION, PREDICTION));
    logColumns.addAll(probabilityFields.values());
    for (String column : logColumns) {
      if (rawFields.contains(column)) {
        throw new IllegalArgumentException("raw column " + transform.columnNames().describe(column)
            + " has the name of a request log column: rename it before training, or log without it");
      }
    }
    beam.addStringField(REQUEST_ID).addInt64Field(REQUEST_INSTANCE).addInt64Field(REQUEST_TIME).addStringField(MODEL_NAME).addInt64Field(MODEL_VERSION);
    beam.addField(Schema.Field.nullable(PREDICTION, classifier ? FieldType.STRING : FieldType.DOUBLE));
    probabilityFields.values().forEach(field -> beam.addField(Schema.Field.nullable(field, FieldType.DOUBLE)));
    for (String column : List.of(REQUEST_ID, REQUEST_INSTANCE, REQUEST_TIME, MODEL_NAME, MODEL_VERSION, PREDICTION)) {
      byOriginal.put(column, column);
    }
    org.apache.avro.Schema avro = ColumnNames.of(byOriginal).annotate(ExamplesIO.avroSchema(beam.build()));
    return new LogSchema(avro, List.copyOf(rawFields), probabilityFields);
  }

  org.apache.avro.Schema avro() {
    return avro;
  }

  /**
   * The record of one scored instance: {@code raw} as {@link InstanceReader#read} gives it (field
   * name to value), and its entry in the answer's {@code predictions}.
   */
  GenericRecord record(Map<String, Object> raw, JsonNode prediction, String requestId, int instance, long timeMillis,
      String model, long version) {
    GenericData.Record record = new GenericData.Record(avro);
    for (int i = 0; i < rawFields.size(); i++) {
      record.put(i, avroValue(avro.getFields().get(i).schema(), raw.get(rawFields.get(i))));
    }
    int at = firstLogColumn;
    record.put(at++, requestId);
    record.put(at++, (long) instance);
    record.put(at++, timeMillis);
    record.put(at++, model);
    record.put(at++, version);
    JsonNode predicted = prediction.get(PREDICTION);
    record.put(at++, predicted == null || predicted.isNull() ? null : predicted.isNumber() ? predicted.doubleValue() : predicted.asText());
    JsonNode probabilities = prediction.get(io.tributary.transforms.inference.PredictionRows.PROBABILITIES);
    for (String cls : probabilityFields.keySet()) {
      JsonNode p = probabilities == null ? null : probabilities.get(cls);
      record.put(at++, p == null || !p.isNumber() ? null : p.doubleValue());
    }
    return record;
  }

  /** {@code value} in the Java type Avro writes for {@code schema} (a nullable union of one type). */
  private static Object avroValue(org.apache.avro.Schema schema, Object value) {
    if (value == null) {
      return null;
    }
    Type type = schema.getType() == Type.UNION ? nonNull(schema).getType() : schema.getType();
    return switch (type) {
      case INT -> ((Number) value).intValue();
      case LONG -> ((Number) value).longValue();
      case FLOAT -> ((Number) value).floatValue();
      case DOUBLE -> ((Number) value).doubleValue();
      case STRING -> value.toString();
      default -> value;
    };
  }

  private static org.apache.avro.Schema nonNull(org.apache.avro.Schema union) {
    for (org.apache.avro.Schema branch : union.getTypes()) {
      if (branch.getType() != Type.NULL) {
        return branch;
      }
    }
    return union;
  }
}
