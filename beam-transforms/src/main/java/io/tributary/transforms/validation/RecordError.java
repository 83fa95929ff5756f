package io.tributary.transforms.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A record that broke the schema, as a Beam {@link Row} of {@link #SCHEMA}: where it came from, the
 * record itself as a JSON object, and the reasons.
 *
 * <pre>{@code
 * result.errors().apply(RecordError.asJsonLines()).apply(TextIO.write().to("out/errors/invalid"));
 * // {"source":"penguins.csv","line":17,"record":{"species":"Adelie",...},"reasons":["island: 'Atlantis' is not in the domain ..."]}
 * }</pre>
 *
 * <p>{@code line} is the value of the column named with {@link Validate.Records#withLineField}, or
 * null when none was named.
 */
public final class RecordError {

  /** The fields of every record error; later fields may be added, never removed. */
  public static final Schema SCHEMA =
      Schema.builder()
          .addStringField("source")
          .addNullableField("line", Schema.FieldType.INT64)
          .addStringField("record")
          .addArrayField("reasons", Schema.FieldType.STRING)
          .build();

  private static final ObjectMapper JSON = new ObjectMapper();

  private RecordError() {}

  /** The error of {@code record}, whose JSON form is written into the error. */
  public static Row of(String source, @Nullable Long line, Row record, List<String> reasons) {
    return Row.withSchema(SCHEMA).addValues(source, line, recordJson(record).toString(), reasons).build();
  }

  private static ObjectNode recordJson(Row record) {
    ObjectNode node = JSON.createObjectNode();
    List<Schema.Field> fields = record.getSchema().getFields();
    for (int i = 0; i < fields.size(); i++) {
      Object value = record.getValue(i);
      String name = fields.get(i).getName();
      if (value == null) {
        node.putNull(name);
      } else if (value instanceof Number || value instanceof Boolean || value instanceof String) {
        node.set(name, JSON.valueToTree(value));
      } else {
        node.put(name, value.toString());
      }
    }
    return node;
  }

  /** One JSON object on one line: the format errors are written in. */
  public static String toJson(Row error) {
    ObjectNode node = JSON.createObjectNode();
    node.put("source", error.getString("source"));
    Long line = error.getInt64("line");
    if (line == null) {
      node.putNull("line");
    } else {
      node.put("line", line);
    }
    try {
      node.set("record", JSON.readTree(error.getString("record")));
      ArrayNode reasons = node.putArray("reasons");
      error.<String>getArray("reasons").forEach(reasons::add);
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a record error", e);
    }
  }

  /** Turns record errors into JSON lines, ready for {@code TextIO.write()}. */
  public static MapElements<Row, String> asJsonLines() {
    return MapElements.into(TypeDescriptors.strings()).via((Row error) -> toJson(error));
  }
}
