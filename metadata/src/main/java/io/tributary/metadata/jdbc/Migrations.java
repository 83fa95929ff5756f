package io.tributary.metadata.jdbc;

import io.tributary.metadata.MetadataException;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;

/**
 * Creates and upgrades the schema with Flyway from the versioned scripts in {@code
 * io/tributary/metadata/migration} ({@code V1__...sql}, {@code V2__...sql}, ...), and records the
 * applied versions in the table {@value #HISTORY_TABLE}.
 *
 * <p>One script serves both backends; the placeholder {@code ${id_column}} is the only dialect
 * difference. To change the schema, add a new {@code V<n+1>__what.sql}; never edit an applied
 * one (Flyway's checksum validation refuses a store whose history does not match).
 */
final class Migrations {
  static final String HISTORY_TABLE = "metadata_schema_history";
  private static final String LOCATION = "classpath:io/tributary/metadata/migration";
  private static final int ATTEMPTS = 10;

  private Migrations() {}

  /** Applies pending migrations and returns the current schema version. */
  static String migrate(Database db) {
    Flyway flyway = flyway(db);
    for (int attempt = 1; ; attempt++) {
      try {
        flyway.migrate();
        return currentVersion(db, flyway);
      } catch (FlywayException e) {
        // SQLite has no migration lock: two processes creating a new store at once can collide.
        // Running again sees the schema the other one created.
        if (attempt >= ATTEMPTS) {
          throw explain(db, e, "create or upgrade its schema");
        }
        sleep(50L * attempt + ThreadLocalRandom.current().nextLong(200L * attempt));
      }
    }
  }

  /** The current version without changing anything; fails if migrations are pending. */
  static String check(Database db) {
    Flyway flyway = flyway(db);
    try {
      if (flyway.info().current() == null) {
        throw new MetadataException(
            "metadata store " + db.config().location() + " is empty: run a pipeline first, or check"
                + " --home/--metadataUrl");
      }
      MigrationInfo[] pending = flyway.info().pending();
      if (pending.length > 0) {
        throw new MetadataException(
            "metadata store " + db.config().location() + " needs a schema upgrade to version "
                + pending[pending.length - 1].getVersion() + ": open it once with write access");
      }
      return currentVersion(db, flyway);
    } catch (FlywayException e) {
      throw explain(db, e, "read its schema version");
    }
  }

  private static String currentVersion(Database db, Flyway flyway) {
    MigrationInfo current = flyway.info().current();
    if (current == null) {
      throw new MetadataException(
          "metadata store " + db.config().location() + " has no schema: open it with write access"
              + " once to create it");
    }
    return current.getVersion().getVersion();
  }

  private static Flyway flyway(Database db) {
    var configuration =
        Flyway.configure(Migrations.class.getClassLoader())
            .dataSource(new ConnectionSource(db::open))
            .locations(LOCATION)
            .table(HISTORY_TABLE)
            .placeholders(Map.of("id_column", db.dialect().idColumn()))
            .failOnMissingLocations(true)
            .loggers(FlywayLog.class.getName());
    if (db.config().schema() != null) {
      configuration = configuration.schemas(db.config().schema()).createSchemas(true);
    }
    return configuration.load();
  }

  private static MetadataException explain(Database db, FlywayException e, String action) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql) {
        return new MetadataException(db.dialect().explain(sql, db.config().location(), action), e);
      }
    }
    return new MetadataException(
        "metadata store " + db.config().location() + " failed to " + action + ": "
            + e.getMessage().replaceAll("\\s*\\R\\s*", " ").strip(),
        e);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MetadataException("interrupted while creating the metadata schema");
    }
  }
}
