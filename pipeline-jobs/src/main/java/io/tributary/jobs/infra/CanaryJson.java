package io.tributary.jobs.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one-line JSON the parent and the canary JVM exchange: canary rows (a JSON-lines file of
 * column name to value, as a serving request carries them) and the canary's report. NaN and
 * infinite doubles are written as the literals {@code NaN} and {@code Infinity}, so that a value
 * reaches the serving path as the number it was, not as a string.
 */
final class CanaryJson {

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private static final TypeReference<Map<String, Object>> RECORD = new TypeReference<>() {};

  private CanaryJson() {}

  static String line(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  static CanaryReport report(String json) throws JsonProcessingException {
    return JSON.readValue(json, CanaryReport.class);
  }

  static void writeRecords(Path file, List<Map<String, Object>> records) {
    List<String> lines = records.stream().map(CanaryJson::line).toList();
    try {
      Files.write(file, lines);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the canary rows to " + file + ": " + e.getMessage(), e);
    }
  }

  static List<Map<String, Object>> readRecords(Path file) throws IOException {
    List<Map<String, Object>> records = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (!line.isBlank()) {
        records.add(JSON.readValue(line, RECORD));
      }
    }
    return records;
  }
}
