package io.tributary.metadata;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Test backends. PostgreSQL comes from {@code TRIBUTARY_TEST_PG_URL} (see metadata/README.md);
 * without it PostgreSQL tests are skipped, except under {@code CI=true}, where a missing server
 * fails them: CI must never pass by skipping.
 */
final class Backends {
  static final String PG_ENV = "TRIBUTARY_TEST_PG_URL";

  private Backends() {}

  static StoreConfig sqlite(Path dir) {
    return StoreConfig.inHome(dir);
  }

  /** The PostgreSQL url, or skip/fail as described above. */
  static String postgresUrl() {
    String url = System.getenv(PG_ENV);
    if (url == null || url.isBlank()) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(PG_ENV + " is not set but CI=true: start PostgreSQL with"
            + " eval \"$(bash .ci/postgres.sh)\" before the tests");
      }
      assumeTrue(false, PG_ENV + " not set: PostgreSQL tests skipped (see metadata/README.md)");
    }
    return url;
  }

  /** A store in a schema of its own, so that tests never see each other's rows. */
  static StoreConfig freshPostgres() {
    return StoreConfig.url(postgresUrl()).withSchema("t_" + UUID.randomUUID().toString().replace("-", ""));
  }

  static void dropSchema(StoreConfig config) throws SQLException {
    try (Connection c = DriverManager.getConnection(config.url());
        Statement s = c.createStatement()) {
      // The schema name is generated above from a UUID; it is an identifier, not input.
      s.execute("DROP SCHEMA IF EXISTS " + config.schema() + " CASCADE");
    }
  }
}
