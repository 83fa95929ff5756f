package io.tributary.metadata;

import java.util.regex.Pattern;

/**
 * Checks for the names and uris that identify things in the store.
 *
 * <p>Type, property and node names are identifiers shown in tables, file names and DOT graphs, so
 * they are restricted to a safe alphabet; anything else (a quote, a semicolon, a space, a SQL
 * fragment) is rejected with a message, before any write. Property <em>values</em> are free text.
 */
final class Names {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]{0,127}");
  private static final Pattern NODE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.:@+/\\-]{0,254}");

  private Names() {}

  /** A type or property name: a letter or '_' then letters, digits, '_', '.', '-'. */
  static String identifier(String what, String name) {
    if (name == null || !IDENTIFIER.matcher(name).matches()) {
      throw new IllegalArgumentException(
          what + " '" + name + "' is not a valid name: use letters, digits, '_', '.' or '-'"
              + " (at most 128, starting with a letter or '_')");
    }
    return name;
  }

  /** An artifact, execution or context name; {@code null} means unnamed where allowed. */
  static String nodeName(String what, String name) {
    if (name != null && !NODE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          what + " name '" + name + "' is not valid: use letters, digits and _ . : @ + / -"
              + " (no spaces or quotes, at most 255)");
    }
    return name;
  }

  /**
   * A uri or path: no {@code ..} segment (it could point outside the pipeline root, and garbage
   * collection deletes what uris point at), no control characters.
   */
  static String uri(String uri) {
    if (uri == null || uri.isBlank()) {
      throw new IllegalArgumentException("artifact uri is required: give the artifact's location");
    }
    for (int i = 0; i < uri.length(); i++) {
      if (Character.isISOControl(uri.charAt(i))) {
        throw new IllegalArgumentException("artifact uri contains a control character: " + uri.strip());
      }
    }
    for (String segment : uri.split("[/\\\\]")) {
      if (segment.equals("..")) {
        throw new IllegalArgumentException(
            "artifact uri '" + uri + "' contains a '..' segment: give a normalised absolute path");
      }
    }
    return uri;
  }
}
