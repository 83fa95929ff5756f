package io.tributary.transforms.transform;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/**
 * The JSON and YAML mappers of specs and fitted artifacts: one configuration, so both forms read
 * the same fields. Unknown fields are errors (a misspelt option must not be ignored silently).
 * Public so that the other artifacts of this module (model descriptors, trainer configs) are
 * written and read the same way.
 */
public final class SpecMappers {

  public static final ObjectMapper JSON = configure(JsonMapper.builder().build());
  public static final ObjectMapper YAML =
      configure(new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)));

  private SpecMappers() {}

  private static ObjectMapper configure(ObjectMapper mapper) {
    return mapper
        .setSerializationInclusion(JsonInclude.Include.NON_NULL)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
  }

  public static <T> T read(ObjectMapper mapper, String text, Class<T> type, String what) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("the " + what + " is empty");
    }
    try {
      return mapper.readValue(text, type);
    } catch (JsonProcessingException e) {
      // Validation in record constructors arrives wrapped; its own message says what to fix.
      Throwable cause = e.getCause();
      String reason = cause instanceof IllegalArgumentException ? cause.getMessage() : e.getOriginalMessage();
      String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
      throw new IllegalArgumentException("invalid " + what + where + ": " + reason, e);
    }
  }

  public static String write(ObjectMapper mapper, Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }
}
