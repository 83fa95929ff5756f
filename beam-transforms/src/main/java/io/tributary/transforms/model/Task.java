package io.tributary.transforms.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a model predicts: a class label or a number. Written in lower case in {@code model.json}. */
public enum Task {
  CLASSIFICATION,
  REGRESSION;

  /** The name used in files and configs: {@code classification}, {@code regression}. */
  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads {@code classification} or {@code regression} (any case). */
  @JsonCreator
  public static Task fromId(String id) {
    for (Task task : values()) {
      if (task.id().equalsIgnoreCase(id)) {
        return task;
      }
    }
    throw new IllegalArgumentException(
        "unknown task '" + id + "': use one of "
            + Arrays.stream(values()).map(Task::id).collect(Collectors.joining(", ")));
  }
}
