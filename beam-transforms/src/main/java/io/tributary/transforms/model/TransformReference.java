package io.tributary.transforms.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tributary.transforms.transform.TransformFn;
import java.nio.charset.StandardCharsets;

/**
 * The fitted transform a model expects: where it was read from at training time, and the SHA-256
 * of its {@code transform_fn.json} text. The fingerprint is what counts: a transform read from
 * anywhere is accepted when its fingerprint matches (see {@link #check}).
 */
public record TransformReference(@JsonProperty("path") String path, @JsonProperty("sha256") String sha256) {

  public TransformReference {
    if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("a transform reference needs the SHA-256 (64 hex digits) of transform_fn.json");
    }
  }

  /** A reference to {@code fn}, read from {@code path} (a folder; may be null when unknown). */
  public static TransformReference of(TransformFn fn, String path) {
    return new TransformReference(path, fingerprint(fn));
  }

  /** The SHA-256 of {@code fn}'s {@code transform_fn.json} text (the same fit gives the same text). */
  public static String fingerprint(TransformFn fn) {
    return ModelFolder.sha256(fn.toJson().getBytes(StandardCharsets.UTF_8));
  }

  /** Fails unless {@code fn} is the transform this reference names. */
  public void check(TransformFn fn, String where) {
    String actual = fingerprint(fn);
    if (!actual.equals(sha256)) {
      throw new IllegalArgumentException(
          "the model was trained with the transform " + sha256 + " (read from " + path + "), but " + where
              + " holds " + actual + ": pass the transform the model was trained with");
    }
  }
}
