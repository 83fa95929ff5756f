package io.tributary.jobs.tune;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How random search draws from a {@code min}/{@code max} range: {@code linear} (uniform) or
 * {@code log} (uniform in the logarithm, for learning rates and regularisation strengths whose
 * useful values span orders of magnitude; needs {@code min > 0}).
 */
public enum Scale {
  LINEAR,
  LOG;

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Scale fromId(String id) {
    for (Scale scale : values()) {
      if (scale.id().equalsIgnoreCase(id)) {
        return scale;
      }
    }
    throw new IllegalArgumentException("unknown scale '" + id + "': use linear or log");
  }
}
