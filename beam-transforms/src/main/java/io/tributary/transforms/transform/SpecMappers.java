package io.tributary.transforms.transform;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.filter.FilteringParserDelegate;
import com.fasterxml.jackson.core.filter.TokenFilter;
import java.io.IOException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/**
 * The JSON and YAML mappers of specs and fitted artifacts: one configuration, so both forms read
 * the same fields. Unknown fields and keys given twice are errors (a misspelt option must not be
 * ignored silently, nor the first of two values), reported as a {@link SpecException} with the
 * line, in our words ({@link SpecErrors}), never Jackson's.
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
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
  }

  /** Reads {@code text} as a {@code type}; every mistake is a {@link SpecException} with its line. */
  public static <T> T read(ObjectMapper mapper, String text, Class<T> type, String what) {
    requireText(text, what);
    try {
      return mapper.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw SpecErrors.translate(mapper, e, what, text, "");
    }
  }

  /**
   * Reads the top-level mapping of {@code text} without its field {@code left}, as a {@code type}:
   * for a file that adds a section to another config (a tune config is a trainer config plus
   * {@code search}). Lines stay those of the file.
   */
  public static <T> T readWithout(ObjectMapper mapper, String text, String left, Class<T> type, String what) {
    requireText(text, what);
    TokenFilter withoutField = new TokenFilter() {
      @Override
      public TokenFilter includeProperty(String name) {
        return name.equals(left) ? null : TokenFilter.INCLUDE_ALL;
      }
    };
    try (JsonParser parser = new FilteringParserDelegate(
        mapper.createParser(text), withoutField, TokenFilter.Inclusion.INCLUDE_ALL_AND_PATH, true)) {
      return mapper.readValue(parser, type);
    } catch (JsonProcessingException e) {
      throw SpecErrors.translate(mapper, e, what, text, "");
    } catch (IOException e) {
      throw new IllegalStateException("reading text cannot fail: " + e.getMessage(), e);
    }
  }

  /** Reads the value of the top-level field {@code field} of {@code text}; lines stay the file's. */
  public static <T> T readField(ObjectMapper mapper, String text, String field, Class<T> type, String what) {
    requireText(text, what);
    try {
      return mapper.readerFor(type).at("/" + field).readValue(text);
    } catch (JsonProcessingException e) {
      throw SpecErrors.translate(mapper, e, what, text, "/" + field);
    }
  }

  private static void requireText(String text, String what) {
    if (text == null || text.isBlank()) {
      throw new SpecException(0, "the " + what + " is empty", null);
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
