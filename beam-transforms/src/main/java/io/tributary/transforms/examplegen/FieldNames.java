package io.tributary.transforms.examplegen;

/**
 * Turns column names from CSV headers and JSON keys into field names that Avro and Parquet accept
 * ({@code [A-Za-z_][A-Za-z0-9_]*}), since every example is written in those formats.
 */
final class FieldNames {

  private FieldNames() {}

  /** {@code "body mass (g)"} becomes {@code "body_mass__g_"}, {@code "2nd"} becomes {@code "_2nd"}. */
  static String sanitize(String name) {
    StringBuilder out = new StringBuilder(name.length() + 1);
    String trimmed = name.strip();
    for (int i = 0; i < trimmed.length(); i++) {
      char c = trimmed.charAt(i);
      boolean ok = c < 128 && (Character.isLetterOrDigit(c) || c == '_');
      out.append(ok ? c : '_');
    }
    if (out.length() == 0 || Character.isDigit(out.charAt(0))) {
      out.insert(0, '_');
    }
    return out.toString();
  }
}
