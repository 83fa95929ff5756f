package io.tributary.transforms.examplegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordReaderTest {

  private static List<CsvRecord> read(String text, CsvFormat format) throws IOException {
    List<CsvRecord> records = new ArrayList<>();
    try (CsvRecordReader reader = new CsvRecordReader(new StringReader(text), format)) {
      for (CsvRecord r = reader.next(); r != null; r = reader.next()) {
        records.add(r);
      }
    }
    return records;
  }

  private static List<CsvRecord> read(String text) throws IOException {
    return read(text, CsvFormat.defaults());
  }

  @Test
  void emptyInputHasNoRecords() throws IOException {
    assertTrue(read("").isEmpty());
  }

  @Test
  void quotedFieldsKeepDelimitersQuotesAndNewlines() throws IOException {
    List<CsvRecord> records = read("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\"line1\nline2\",z\nlast,row\n");
    assertEquals(4, records.size());
    assertEquals(List.of("x, y", "say \"hi\""), records.get(1).fields());
    assertEquals(List.of("line1\nline2", "z"), records.get(2).fields());
    assertEquals(3, records.get(2).line());
    assertEquals(5, records.get(3).line(), "a record after a two-line record starts on line 5");
  }

  @Test
  void crlfAndBareCrEndLinesAndBomIsDropped() throws IOException {
    List<CsvRecord> records = read("\uFEFFa,b\r\n1,2\r3,4");
    assertEquals(List.of("a", "b"), records.get(0).fields());
    assertEquals(List.of("1", "2"), records.get(1).fields());
    assertEquals(List.of("3", "4"), records.get(2).fields());
    assertEquals(3, records.get(2).line());
  }

  @Test
  void embeddedCrlfInsideQuotesIsKept() throws IOException {
    List<CsvRecord> records = read("a\r\n\"x\r\ny\"\r\n");
    assertEquals("x\r\ny", records.get(1).fields().get(0));
  }

  @Test
  void blankLinesAreSkippedButCounted() throws IOException {
    List<CsvRecord> records = read("a\n\n   \n1\n");
    assertEquals(2, records.size());
    assertEquals(4, records.get(1).line());
  }

  @Test
  void unbalancedQuoteLosesOnlyItsOwnLine() throws IOException {
    List<CsvRecord> records = read("a,b\n1,\"open\n2,3\n4,5\n");
    assertEquals(4, records.size());
    assertTrue(records.get(1).isMalformed());
    assertEquals(2, records.get(1).line());
    assertEquals("1,\"open", records.get(1).raw());
    assertTrue(records.get(1).error().contains("unbalanced quote"));
    assertEquals(List.of("2", "3"), records.get(2).fields());
    assertEquals(3, records.get(2).line());
    assertEquals(List.of("4", "5"), records.get(3).fields());
  }

  @Test
  void quoteOpenLongerThanTheLimitIsMalformed() throws IOException {
    CsvFormat twoLines = CsvFormat.defaults().withMaxRecordLines(2);
    List<CsvRecord> records = read("\"a\nb\nc\"\nd\n", twoLines);
    assertTrue(records.get(0).isMalformed());
    assertEquals(1, records.get(0).line());
  }

  @Test
  void textAfterAClosingQuoteIsMalformed() throws IOException {
    List<CsvRecord> records = read("\"ab\"c,d\n");
    assertTrue(records.get(0).isMalformed());
    assertTrue(records.get(0).error().startsWith("malformed CSV"));
  }

  @Test
  void otherDelimiterAndQuote() throws IOException {
    CsvFormat format = CsvFormat.defaults().withDelimiter(';').withQuote('\'');
    List<CsvRecord> records = read("a;b\n'x;y';\"z\"\n", format);
    assertEquals(List.of("x;y", "\"z\""), records.get(1).fields());
  }

  @Test
  void unicodeFieldsSurvive() throws IOException {
    List<CsvRecord> records = read("name\nPingüino 企鹅 🐧\n");
    assertEquals("Pingüino 企鹅 🐧", records.get(1).fields().get(0));
    assertFalse(records.get(1).isMalformed());
    assertNull(records.get(1).error());
  }
}
