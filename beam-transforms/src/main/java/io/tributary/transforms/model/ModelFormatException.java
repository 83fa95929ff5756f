package io.tributary.transforms.model;

/**
 * A model folder that cannot be read: a missing or damaged file, a descriptor from a newer
 * version, or a model that does not match its descriptor. The message names the file and the fix.
 */
public final class ModelFormatException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ModelFormatException(String message) {
    super(message);
  }

  public ModelFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
