package io.tributary.transforms.examplegen;

import static io.tributary.transforms.testing.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file that is one JSON array: elements streamed with their lines, and what a broken file costs. */
class JsonArrayReaderTest {

  @TempDir Path dir;

  private static final Schema SCHEMA =
      Schema.builder().addNullableField("id", FieldType.INT64).addNullableField("name", FieldType.STRING).build();

  /** What {@link JsonFileParser} makes of a file: rows, and dead letters as "line: reason". */
  private record Parsed(List<Row> rows, List<String> deadLetters) {}

  private Parsed parse(String content) throws IOException {
    Path file = write(dir, "in.json", content);
    List<Row> rows = new ArrayList<>();
    List<String> deadLetters = new ArrayList<>();
    new JsonFileParser().parse(SourceFile.named(file.toString()), SCHEMA, new ParsedRecords() {
      @Override
      public void row(Row row) {
        rows.add(row);
      }

      @Override
      public void deadLetter(Long line, String raw, String reason) {
        deadLetters.add(line + ": " + reason);
      }
    });
    return new Parsed(rows, deadLetters);
  }

  private static Row row(long id, String name) {
    return Row.withSchema(SCHEMA).addValues(id, name).build();
  }

  @Test
  void eachObjectIsARecordStartingOnItsLine() throws IOException {
    List<JsonArrayReader.Element> elements = new ArrayList<>();
    try (JsonArrayReader reader = new JsonArrayReader(new StringReader(
        "\uFEFF[\n  {\"id\": 1,\n   \"name\": \"a, [b]\"},\n  {\"id\": 2, \"name\": \"}\\\"{\"}\n]\n"))) {
      for (JsonArrayReader.Element e = reader.next(); e != null; e = reader.next()) {
        elements.add(e);
      }
    }
    assertEquals(List.of(
        new JsonArrayReader.Element(2, "{\"id\": 1,\n   \"name\": \"a, [b]\"}", null),
        new JsonArrayReader.Element(4, "{\"id\": 2, \"name\": \"}\\\"{\"}", null)), elements);
  }

  @Test
  void aMalformedObjectCostsOnlyItself() throws IOException {
    Parsed parsed = parse("""
        [
          {"id": 1, "name": "a"},
          {"id": 2, "name": },
          {"id": "three", "name": "c"},
          42,
          {"id": 5,
           "name": "e"}
        ]
        """);
    assertEquals(List.of(row(1, "a"), row(5, "e")), parsed.rows());
    assertEquals(3, parsed.deadLetters().size(), parsed.deadLetters().toString());
    assertTrue(parsed.deadLetters().get(0).startsWith("3: malformed JSON"), parsed.deadLetters().toString());
    assertEquals("4: field 'id': string \"three\" is not INT64", parsed.deadLetters().get(1));
    assertEquals("5: not a JSON object", parsed.deadLetters().get(2));
  }

  @Test
  void anEmptyArrayHasNoRecords() throws IOException {
    assertEquals(new Parsed(List.of(), List.of()), parse("[]"));
    assertEquals(new Parsed(List.of(), List.of()), parse("  \n[\n\n]\n\n"));
  }

  @Test
  void textAfterTheArrayIsADeadLetterAfterEveryRecord() throws IOException {
    Parsed parsed = parse("[{\"id\": 1, \"name\": \"a\"},\n{\"id\": 2, \"name\": \"b\"}]\n\ngarbage {\"id\": 3}\n");
    assertEquals(List.of(row(1, "a"), row(2, "b")), parsed.rows());
    assertEquals(List.of("4: text after the array's closing ']'"), parsed.deadLetters());
  }

  @Test
  void aFileCutShortKeepsEveryWholeRecord() throws IOException {
    Parsed missingBracket = parse("[{\"id\": 1, \"name\": \"a\"},\n{\"id\": 2, \"name\": \"b\"}\n");
    assertEquals(List.of(row(1, "a"), row(2, "b")), missingBracket.rows());
    assertEquals(List.of("3: the file ends before the array's closing ']': it may be cut short"),
        missingBracket.deadLetters());

    Parsed cutInsideAnObject = parse("[{\"id\": 1, \"name\": \"a\"},\n{\"id\": 2, \"na");
    assertEquals(List.of(row(1, "a")), cutInsideAnObject.rows());
    assertEquals(1, cutInsideAnObject.deadLetters().size());
    assertTrue(cutInsideAnObject.deadLetters().get(0).startsWith("2: a string that starts here never closes"),
        cutInsideAnObject.deadLetters().toString());
  }

  @Test
  void leniencyWhereNoDataIsAtStake() throws IOException {
    Parsed parsed = parse("[{\"id\": 1, \"name\": \"a\"} {\"id\": 2, \"name\": \"b\"},,]");
    assertEquals(List.of(row(1, "a"), row(2, "b")), parsed.rows());
    assertEquals(List.of(), parsed.deadLetters());
  }

  @Test
  void jsonLinesStayJsonLines() throws IOException {
    Parsed parsed = parse("{\"id\": 1, \"name\": \"a\"}\n\n{\"id\": 2, \"name\": \"b\"}\n");
    assertEquals(List.of(row(1, "a"), row(2, "b")), parsed.rows());
    assertFalse(JsonArrayReader.holdsArray(SourceFile.named(dir.resolve("in.json").toString())));
  }

  /** An endless array: the reader hands out elements while having read only a bounded prefix. */
  @Test
  void streamsWithoutHoldingTheArray() throws IOException {
    EndlessArray endless = new EndlessArray();
    try (JsonArrayReader reader = new JsonArrayReader(endless)) {
      for (int i = 0; i < 100_000; i++) {
        JsonArrayReader.Element element = reader.next();
        assertNull(element.problem());
        assertEquals("{\"id\": " + i + "}", element.text());
        assertEquals(i + 2, element.line());
      }
      assertTrue(endless.served < 3_000_000, "read " + endless.served + " characters for 100,000 elements");
    }
  }

  /** {@code [} then {@code {"id": n},} lines forever, each on its own line. */
  private static final class EndlessArray extends Reader {
    private long next;
    private String pending = "[\n";
    private int offset;
    long served;

    @Override
    public int read(char[] buffer, int start, int length) {
      int written = 0;
      while (written < length) {
        if (offset == pending.length()) {
          pending = "{\"id\": " + next++ + "},\n";
          offset = 0;
        }
        int n = Math.min(length - written, pending.length() - offset);
        pending.getChars(offset, offset + n, buffer, start + written);
        offset += n;
        written += n;
      }
      served += written;
      return written;
    }

    @Override
    public void close() {}
  }
}
