package io.tributary.jobs.tune;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The search strategies of the {@code search} section: {@code grid} and {@code random}. */
public enum Strategy {
  GRID(new GridSearch()),
  RANDOM(new RandomSearch());

  private final Search search;

  Strategy(Search search) {
    this.search = search;
  }

  Search search() {
    return search;
  }

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Strategy fromId(String id) {
    for (Strategy strategy : values()) {
      if (strategy.id().equalsIgnoreCase(id)) {
        return strategy;
      }
    }
    throw new IllegalArgumentException("unknown search strategy '" + id + "': use grid or random");
  }
}
