package io.tributary.transforms.examplegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordReaderTest {

  private static List<CsvRecord> read(byte[] bytes, CsvFormat format) throws IOException {
    List<CsvRecord> records = new ArrayList<>();
    try (CsvRecordReader reader = new CsvRecordReader(new ByteArrayInputStream(bytes), format)) {
      for (CsvRecord r = reader.next(); r != null; r = reader.next()) {
        records.add(r);
        if (records.size() == 1 && !r.isMalformed()) {
          reader.columns(r.fields());
        }
      }
    }
    return records;
  }

  private static List<CsvRecord> read(String text, CsvFormat format) throws IOException {
    return read(text.getBytes(StandardCharsets.UTF_8), format);
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
    assertTrue(records.get(1).error().startsWith("unbalanced quote"), records.get(1).error());
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
  void textAfterAClosingQuoteCostsOnlyItsLine() throws IOException {
    List<CsvRecord> records = read("a,b\n\"ab\"c,d\n1,2\n");
    assertTrue(records.get(1).isMalformed());
    assertEquals(
        "text after the closing quote of column 'a' (\"ab\"c...): a quote inside a quoted value"
            + " must be doubled",
        records.get(1).error());
    assertEquals(List.of("1", "2"), records.get(2).fields());
  }

  /** Issue 15: a stray quote opened a quoted section that ran to the end of the file. */
  @Test
  void strayQuoteInsideAnUnquotedValueCostsOnlyItsLine() throws IOException {
    StringBuilder text = new StringBuilder("species,island,bill,sex\n");
    text.append("\"Adelie\",\"Dream\",37.3,\"female\"\n"); // 2
    text.append("\"Gentoo\",\"Biscoe\",4\"5.5,\"female\"\n"); // 3: the stray quote
    for (int i = 0; i < 50; i++) {
      text.append("\"Adelie\",\"Dream\",3").append(i % 10).append(".1,\"male\"\n");
    }
    List<CsvRecord> records = read(text.toString());
    assertEquals(53, records.size(), "every line is a record of its own");
    CsvRecord stray = records.get(2);
    assertTrue(stray.isMalformed());
    assertEquals(3, stray.line());
    assertEquals("\"Gentoo\",\"Biscoe\",4\"5.5,\"female\"", stray.raw());
    assertEquals(
        "a quote inside the unquoted value 4\"5.5 of column 'bill': quote the whole value and"
            + " double the quote inside (\"4\"\"5.5\")",
        stray.error());
    for (int i = 3; i < records.size(); i++) {
      assertFalse(records.get(i).isMalformed(), "line " + records.get(i).line());
      assertEquals(i + 1, records.get(i).line());
      assertEquals(List.of("Adelie", "Dream", "3" + ((i - 3) % 10) + ".1", "male"),
          records.get(i).fields());
    }
  }

  /**
   * Issue 15: a stray quote and, later, a quote that never closes balanced each other, and the 113
   * lines between became one record cut by commons-csv, with the wrong line in its reason.
   */
  @Test
  void strayQuoteAndUnclosedQuoteMidFileCostOnlyTheirLines() throws IOException {
    StringBuilder text = new StringBuilder("species,island,bill,sex\n");
    for (int line = 2; line <= 40; line++) {
      if (line == 10) {
        text.append("\"Gentoo\",\"Biscoe\",4\"5.5,\"female\"\n");
      } else if (line == 30) {
        text.append("\"Gentoo\",\"Biscoe,46.5,female\n");
      } else {
        text.append("\"Adelie\",\"Dream\",").append(line).append(".5,\"male\"\n");
      }
    }
    List<CsvRecord> records = read(text.toString());
    assertEquals(40, records.size());
    for (CsvRecord record : records) {
      boolean broken = record.line() == 10 || record.line() == 30;
      assertEquals(broken, record.isMalformed(), "line " + record.line() + ": " + record.error());
    }
    assertEquals(30, records.get(29).line());
    assertEquals(
        "unbalanced quote: the quoted value of column 'island' that opens on this line has no"
            + " proper closing quote (read on, line 31 does not continue it)",
        records.get(29).error());
    assertEquals(List.of("Adelie", "Dream", "31.5", "male"), records.get(30).fields());
  }

  @Test
  void quoteNeverClosedAtTheEndOfTheFileCostsOnlyItsLine() throws IOException {
    List<CsvRecord> records = read("a,b\n1,2\n3,\"open\n4,5\n6,7");
    assertEquals(5, records.size());
    assertEquals(3, records.get(2).line());
    assertEquals(
        "unbalanced quote: the quoted value of column 'b' that opens on this line is never closed",
        records.get(2).error());
    assertEquals(List.of("4", "5"), records.get(3).fields());
    assertEquals(List.of("6", "7"), records.get(4).fields());
    assertEquals(5, records.get(4).line());
  }

  @Test
  void aRecordSpanningLinesWithTheWrongNumberOfFieldsCostsItsFirstLine() throws IOException {
    List<CsvRecord> records = read("a,b,c\n1,\"x\n2,3\",4,5\n6,7,8\n");
    assertEquals(4, records.size());
    assertEquals(
        "unbalanced quote: the quoted value of column 'b' that opens on this line closes on line"
            + " 3, which leaves a record of 4 fields where the header has 3",
        records.get(1).error());
    assertTrue(records.get(2).isMalformed(), "line 3 is read again: " + records.get(2));
    assertEquals(3, records.get(2).line());
    assertEquals(List.of("6", "7", "8"), records.get(3).fields());
  }

  /** Issue 17: invalid UTF-8 was replaced with U+FFFD and read as a value. */
  @Test
  void invalidUtf8MakesTheRecordMalformedWithItsOffset() throws IOException {
    byte[] head = "name,n\nok,1\nbad".getBytes(StandardCharsets.UTF_8);
    byte[] tail = "x,2\nlast,3\n".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[head.length + 1 + tail.length];
    System.arraycopy(head, 0, bytes, 0, head.length);
    bytes[head.length] = (byte) 0xC3; // a lead byte followed by an ASCII byte: not UTF-8
    System.arraycopy(tail, 0, bytes, head.length + 1, tail.length);
    List<CsvRecord> records = read(bytes, CsvFormat.defaults());
    assertEquals(4, records.size());
    assertTrue(records.get(2).isMalformed());
    assertEquals(3, records.get(2).line());
    assertEquals(
        "invalid UTF-8 at byte offset 15 (column 'name'): the file must be UTF-8",
        records.get(2).error());
    assertEquals(List.of("last", "3"), records.get(3).fields());
  }

  @Test
  void otherDelimiterAndQuote() throws IOException {
    CsvFormat format = CsvFormat.defaults().withDelimiter(';').withQuote('\'');
    List<CsvRecord> records = read("a;b\n'x;y';\"z\"\n", format);
    assertEquals(List.of("x;y", "\"z\""), records.get(1).fields());
  }

  @Test
  void delimiterAndQuoteMustBeAscii() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CsvFormat.defaults().withDelimiter('§'));
    assertTrue(e.getMessage().contains("must be ASCII"), e.getMessage());
  }

  @Test
  void unicodeFieldsSurvive() throws IOException {
    List<CsvRecord> records = read("name\nPingüino 企鹅 🐧\n");
    assertEquals("Pingüino 企鹅 🐧", records.get(1).fields().get(0));
    assertFalse(records.get(1).isMalformed());
    assertNull(records.get(1).error());
  }
}
