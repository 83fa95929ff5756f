package io.tributary.metadata;

/** An id, type or name that the store does not hold; nothing was changed. */
public final class NotFoundException extends MetadataException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String message) {
    super(message);
  }
}
