package io.tributary.metadata;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where the metadata store lives and how to open it.
 *
 * <pre>{@code
 * MetadataStore.open(StoreConfig.fromEnvironment());                 // $TRIBUTARY_HOME/metadata.sqlite
 * MetadataStore.open(StoreConfig.inHome(Path.of("/srv/tributary")));  // <home>/metadata.sqlite
 * MetadataStore.open(StoreConfig.url("jdbc:postgresql://db:5432/mlmd?user=u&password=p"));
 * MetadataStore.open(StoreConfig.inHome(home).readOnly());            // for tools that only read
 * }</pre>
 *
 * <p>Only {@code jdbc:sqlite:} and {@code jdbc:postgresql:} urls are accepted. {@link
 * #withSchema(String)} (PostgreSQL only) keeps the store's tables in their own schema, created if
 * absent, so several stores can share one database.
 */
public record StoreConfig(String url, boolean isReadOnly, String schema) {
  /** File name of the SQLite store inside a Tributary home. */
  public static final String SQLITE_FILE = "metadata.sqlite";

  public StoreConfig {
    Objects.requireNonNull(url, "url");
    if (!url.startsWith("jdbc:sqlite:") && !url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "unsupported metadata url '" + redact(url) + "': use jdbc:sqlite:<file> or"
              + " jdbc:postgresql://host:port/db?user=...&password=...");
    }
    if (schema != null) {
      if (!url.startsWith("jdbc:postgresql:")) {
        throw new IllegalArgumentException("withSchema() applies to PostgreSQL urls only");
      }
      Names.identifier("schema", schema);
    }
  }

  /** The SQLite file {@code <home>/metadata.sqlite} of {@link #defaultHome(Map)}. */
  public static StoreConfig fromEnvironment() {
    return inHome(defaultHome(System.getenv()));
  }

  /** {@code $TRIBUTARY_HOME} if set, else {@code ~/.tributary}. */
  public static Path defaultHome(Map<String, String> env) {
    String home = env.get("TRIBUTARY_HOME");
    return home != null && !home.isBlank()
        ? Path.of(home)
        : Path.of(System.getProperty("user.home"), ".tributary");
  }

  /** The SQLite file {@code <home>/metadata.sqlite}. */
  public static StoreConfig inHome(Path home) {
    return sqlite(home.resolve(SQLITE_FILE));
  }

  public static StoreConfig sqlite(Path file) {
    return new StoreConfig("jdbc:sqlite:" + file.toAbsolutePath().normalize(), false, null);
  }

  /** A {@code jdbc:sqlite:} or {@code jdbc:postgresql:} url. */
  public static StoreConfig url(String jdbcUrl) {
    return new StoreConfig(jdbcUrl, false, null);
  }

  /** A copy that refuses every write (and never creates or migrates the store). */
  public StoreConfig readOnly() {
    return new StoreConfig(url, true, schema);
  }

  public StoreConfig withSchema(String newSchema) {
    return new StoreConfig(url, isReadOnly, newSchema);
  }

  public boolean isSqlite() {
    return url.startsWith("jdbc:sqlite:");
  }

  /** The SQLite file, for SQLite urls. */
  public Path sqliteFile() {
    if (!isSqlite()) {
      throw new IllegalStateException("not a SQLite store: " + location());
    }
    String rest = url.substring("jdbc:sqlite:".length());
    int query = rest.indexOf('?');
    return Path.of(query < 0 ? rest : rest.substring(0, query));
  }

  /** The url without its password, for messages and logs. */
  public String location() {
    return redact(url) + (schema == null ? "" : " (schema " + schema + ")");
  }

  private static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  @Override
  public String toString() {
    return location();
  }
}
