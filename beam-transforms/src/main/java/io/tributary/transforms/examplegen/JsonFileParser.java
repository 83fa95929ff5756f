package io.tributary.transforms.examplegen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;

/**
 * Reads JSON input, deciding per file by its content: a file whose first character (after a
 * byte-order mark and blank space) is {@code [} is one JSON array of records, read element by
 * element by {@link JsonArrayReader} (streaming: one element in memory at a time); any other file
 * is JSON lines ({@link JsonLinesFileParser}). A JSON-lines file cannot start with {@code [} unless
 * its first record is an array, which is not a record anyway, so nothing that read before reads
 * differently now.
 *
 * <p>In an array, each element is a record: an object becomes a row exactly as a JSON line does,
 * and anything else (a scalar, a nested array, a malformed object) is a dead letter with the
 * 1-based line where the element starts. A missing closing {@code ]} and text after it are dead
 * letters too, after every record before them has been read.
 */
final class JsonFileParser implements FileParser {

  /** Whether any of the files is one JSON array (else all are JSON lines, which split by range). */
  static boolean anyArray(List<String> files) {
    for (String file : files) {
      try {
        if (JsonArrayReader.holdsArray(SourceFile.named(file))) {
          return true;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
      }
    }
    return false;
  }

  @Override
  public void parse(SourceFile file, Schema schema, ParsedRecords out) throws IOException {
    if (!JsonArrayReader.holdsArray(file)) {
      new JsonLinesFileParser().parse(file, schema, out);
      return;
    }
    try (JsonArrayReader elements = new JsonArrayReader(file.openText())) {
      for (JsonArrayReader.Element element = elements.next(); element != null; element = elements.next()) {
        if (element.problem() != null) {
          out.deadLetter(element.line(), element.text(), element.problem());
        } else {
          JsonLinesFileParser.parseRecord(element.line(), element.text(), schema, out);
        }
      }
    }
  }
}
