package io.tributary.transforms.deadletter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * A record that could not be read, as a Beam {@link Row} of {@link #SCHEMA}.
 *
 * <pre>{@code
 * Row letter = DeadLetter.of("gs://b/in.csv", 17, "a,b", "expected 3 fields but found 2");
 * String json = DeadLetter.toJson(letter);
 * // {"source":"gs://b/in.csv","line":17,"raw":"a,b","reason":"expected 3 fields but found 2"}
 * }</pre>
 *
 * <p>{@code line} is the 1-based line where the record starts in a text file, or the 1-based
 * record number in a binary file (Avro, Parquet). It is null when the position is unknown.
 */
public final class DeadLetter {

  /** The fields every dead letter carries; later fields may be added, never removed. */
  public static final Schema SCHEMA =
      Schema.builder()
          .addStringField("source")
          .addNullableField("line", Schema.FieldType.INT64)
          .addStringField("raw")
          .addStringField("reason")
          .build();

  private static final ObjectMapper JSON = new ObjectMapper();

  private DeadLetter() {}

  public static Row of(String source, Long line, String raw, String reason) {
    return Row.withSchema(SCHEMA).addValues(source, line, raw, reason).build();
  }

  /** One JSON object on one line: the format dead letters are written in. */
  public static String toJson(Row letter) {
    ObjectNode node = JSON.createObjectNode();
    node.put("source", letter.getString("source"));
    Long line = letter.getInt64("line");
    if (line == null) {
      node.putNull("line");
    } else {
      node.put("line", line);
    }
    node.put("raw", letter.getString("raw"));
    node.put("reason", letter.getString("reason"));
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a dead letter", e);
    }
  }

  /** Turns dead letters into JSON lines, ready for {@code TextIO.write()}. */
  public static MapElements<Row, String> asJsonLines() {
    return MapElements.into(TypeDescriptors.strings()).via((Row letter) -> toJson(letter));
  }
}
