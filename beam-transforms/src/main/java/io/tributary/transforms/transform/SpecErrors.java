package io.tributary.transforms.transform;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.AnnotatedClassResolver;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Turns what Jackson says about a spec or config file into our words, with the line: an unknown
 * {@code op} ({@code unknown op 'zscore' in features[0].steps[1]; did you mean 'zScore'? (ops:
 * [...])}), an unknown field with its closest known one, a value of the wrong type ({@code 'seed'
 * must be a whole number, not 'abc'}), a key given twice, and the checks of the records
 * themselves. No class name or library text reaches the user. The valid names come from the
 * classes' own annotations, so a new step or field is known here without a change.
 */
final class SpecErrors {

  private SpecErrors() {}

  /**
   * @param text the text that was read, to find the line of the value at fault
   * @param prefix the JSON pointer of the part of {@code text} that was read ({@code ""} for all)
   */
  static SpecException translate(ObjectMapper mapper, JsonProcessingException e, String what, String text, String prefix) {
    return new SpecException(line(mapper, e, text, prefix), reason(mapper, e, what), e);
  }

  /**
   * The line of the value at fault. Jackson's own location of a binding error is where it noticed
   * (for a record, the end of the object), so the value's path is looked up in the text instead;
   * when a record's own check refused a quoted value ({@code unknown metric 'acuracy'}), the line
   * of that value inside the record.
   */
  private static int line(ObjectMapper mapper, JsonProcessingException e, String text, String prefix) {
    int fallback = e.getLocation() == null ? 0 : Math.max(e.getLocation().getLineNr(), 0);
    if (!(e instanceof JsonMappingException mapping)) {
      return fallback;
    }
    StringBuilder pointer = new StringBuilder(prefix);
    for (JsonMappingException.Reference reference : mapping.getPath()) {
      pointer.append('/').append(reference.getFieldName() != null ? reference.getFieldName() : reference.getIndex());
    }
    IllegalArgumentException check = checkOf(e);
    String quoted = check == null ? null : firstQuoted(check.getMessage());
    try (JsonParser parser = mapper.createParser(text)) {
      int start = 0;
      int depth = 0;
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        int here = parser.currentTokenLocation().getLineNr();
        if (start == 0) {
          if (!parser.getParsingContext().pathAsPointer().toString().contentEquals(pointer)) {
            continue;
          }
          start = here;
          if (token == JsonToken.FIELD_NAME) {
            token = parser.nextToken(); // the value of the field at fault
          }
          if (quoted == null || token == null || !token.isStructStart()) {
            return start;
          }
          depth = 1;
          continue;
        }
        if (token.isStructStart()) {
          depth++;
        } else if (token.isStructEnd() && --depth == 0) {
          return start;
        } else if (quoted.equals(parser.getText())) {
          return here;
        }
      }
    } catch (IOException unreadable) {
      // The text did not parse this far; Jackson's location is the best there is.
    }
    return fallback;
  }

  /** The first {@code 'quoted'} word of a message, or null. */
  private static String firstQuoted(String message) {
    int open = message == null ? -1 : message.indexOf('\'');
    int close = open < 0 ? -1 : message.indexOf('\'', open + 1);
    return close < 0 ? null : message.substring(open + 1, close);
  }

  private static String reason(ObjectMapper mapper, JsonProcessingException e, String what) {
    IllegalArgumentException check = checkOf(e);
    String where = e instanceof JsonMappingException mapping ? path(mapping.getPath()) : "";
    if (e instanceof UnrecognizedPropertyException unknown) {
      List<String> known = new ArrayList<>();
      unknown.getKnownPropertyIds().forEach(id -> known.add(String.valueOf(id)));
      String parent = path(unknown.getPath().subList(0, unknown.getPath().size() - 1));
      return "unknown field '" + unknown.getPropertyName() + "'" + (parent.isEmpty() ? "" : " in " + parent)
          + DidYouMean.suffix(unknown.getPropertyName(), known) + " (fields here: " + new TreeSet<>(known) + ")";
    }
    if (e instanceof InvalidTypeIdException typeId) {
      return unknownType(mapper, typeId, where);
    }
    if (check != null) {
      return (where.isEmpty() ? "" : where + ": ") + check.getMessage() + enumSuggestion(mapper, e);
    }
    if (e instanceof InvalidFormatException format) {
      return "'" + field(where) + "' must be " + describe(format.getTargetType()) + ", not '" + format.getValue() + "'";
    }
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      return "'" + field(where) + "' must be " + describe(mismatch.getTargetType());
    }
    String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
    if (original.startsWith("Duplicate field '")) {
      String key = original.substring("Duplicate field '".length(), original.lastIndexOf('\''));
      return "'" + key + "' is given twice: keep one (otherwise the last would win silently)";
    }
    return "not valid " + what + ": " + original;
  }

  /** The check of a record or enum that refused the value, if that is why reading failed. */
  private static IllegalArgumentException checkOf(Throwable e) {
    for (Throwable cause = e.getCause(); cause != null && cause != e; cause = cause.getCause()) {
      if (cause instanceof IllegalArgumentException check && !(cause instanceof DatabindException)) {
        return check;
      }
    }
    return null;
  }

  private static String unknownType(ObjectMapper mapper, InvalidTypeIdException e, String where) {
    Class<?> base = e.getBaseType().getRawClass();
    JsonTypeInfo info = base.getAnnotation(JsonTypeInfo.class);
    String property = info == null || info.property().isEmpty() ? "type" : info.property();
    DeserializationConfig config = mapper.getDeserializationConfig();
    AnnotatedClass annotated = AnnotatedClassResolver.resolveWithoutSuperTypes(config, base);
    Collection<NamedType> subtypes = mapper.getSubtypeResolver().collectAndResolveSubtypesByTypeId(config, annotated);
    TreeSet<String> names = new TreeSet<>();
    subtypes.stream().filter(NamedType::hasName).forEach(t -> names.add(t.getName()));
    String in = where.isEmpty() ? "" : " in " + where;
    if (e.getTypeId() == null) {
      return "missing '" + property + "'" + in + " (" + property + "s: " + names + ")";
    }
    return "unknown " + property + " '" + e.getTypeId() + "'" + in + DidYouMean.suffix(e.getTypeId(), names)
        + " (" + property + "s: " + names + ")";
  }

  /** For an enum that refused a word: the closest of its words. */
  private static String enumSuggestion(ObjectMapper mapper, JsonProcessingException e) {
    if (!(e instanceof ValueInstantiationException instantiation) || instantiation.getType() == null
        || !instantiation.getType().isEnumType() || !(e.getProcessor() instanceof JsonParser parser)) {
      return "";
    }
    try {
      List<String> words = new ArrayList<>();
      for (Object constant : instantiation.getType().getRawClass().getEnumConstants()) {
        words.add(mapper.convertValue(constant, String.class));
      }
      return DidYouMean.suffix(parser.getText(), words);
    } catch (Exception unreadable) {
      return "";
    }
  }

  private static String path(List<JsonMappingException.Reference> references) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : references) {
      if (reference.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String field(String path) {
    return path.isEmpty() ? "the value" : path;
  }

  private static String describe(Class<?> type) {
    if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
      return "a whole number";
    }
    if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a single value (text)";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a list";
    }
    if (Map.class.isAssignableFrom(type)) {
      return "a mapping of name: value";
    }
    return type.isEnum() ? "a single word" : "a mapping of fields";
  }
}
