package io.tributary.jobs.serve;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The server's one JSON mapper: request bodies and files are read as trees only (never bound to
 * classes), duplicate keys and trailing data are errors, and error messages carry no source
 * excerpt of the client's body.
 */
final class Json {

  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
          .build();

  private Json() {}

  /** A Jackson message on one line, without the "at [Source: ...]" suffix. */
  static String oneLine(Exception e) {
    String message = String.valueOf(e.getMessage());
    int at = message.indexOf("\n at [Source");
    return (at < 0 ? message : message.substring(0, at)).replace('\n', ' ').strip();
  }
}
