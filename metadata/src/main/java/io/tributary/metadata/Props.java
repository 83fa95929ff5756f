package io.tributary.metadata;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Immutable, sorted property maps shared by the three node records. */
final class Props {
  private Props() {}

  /** A checked, unmodifiable, sorted copy of {@code values}. */
  static Map<String, Value> copy(Map<String, Value> values) {
    TreeMap<String, Value> sorted = new TreeMap<>();
    if (values != null) {
      values.forEach(
          (key, value) ->
              sorted.put(
                  Names.identifier("property", key),
                  Objects.requireNonNull(value, () -> "property '" + key + "' has no value")));
    }
    return Collections.unmodifiableMap(sorted);
  }

  /** A copy of {@code values} with {@code key} set to {@code value}. */
  static Map<String, Value> with(Map<String, Value> values, String key, Value value) {
    TreeMap<String, Value> copy = new TreeMap<>(values);
    copy.put(key, value);
    return copy;
  }

  /** Fails if a name is used both as a declared and as a custom property. */
  static void checkDisjoint(Map<String, Value> declared, Map<String, Value> custom) {
    for (String key : custom.keySet()) {
      if (declared.containsKey(key)) {
        throw new IllegalArgumentException(
            "property '" + key + "' is set both as declared and as custom property: keep one");
      }
    }
  }
}
