package io.tributary.metadata;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test backends. PostgreSQL comes from {@code TRIBUTARY_TEST_PG_URL} (see metadata/README.md);
 * when that is unset, {@code metadata/scripts/local-postgres.sh} is run once per test JVM to
 * install and start a local server on 127.0.0.1 and print its URL, so {@code mvn verify} needs no
 * set-up. If no server can be had, PostgreSQL tests are skipped, except under {@code CI=true},
 * where they fail: CI must never pass by skipping.
 */
final class Backends {
  static final String PG_ENV = "TRIBUTARY_TEST_PG_URL";

  private Backends() {}

  static StoreConfig sqlite(Path dir) {
    return StoreConfig.inHome(dir);
  }

  private static final Path SCRIPT = Path.of("scripts/local-postgres.sh");
  private static final Pattern EXPORT = Pattern.compile("export " + PG_ENV + "='([^']+)'");

  /** The local server's URL, or why there is none; started at most once per test JVM. */
  private static String localUrl;
  private static String localProblem;

  /** The PostgreSQL url, or skip/fail as described above. */
  static String postgresUrl() {
    String url = System.getenv(PG_ENV);
    if (url != null && !url.isBlank()) {
      return url;
    }
    String local = startLocalServer();
    if (local == null) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("no PostgreSQL server for the tests but CI=true: " + localProblem);
      }
      assumeTrue(false, "PostgreSQL tests skipped: " + localProblem);
    }
    return local;
  }

  private static synchronized String startLocalServer() {
    if (localUrl != null || localProblem != null) {
      return localUrl;
    }
    try {
      Process script =
          new ProcessBuilder("bash", SCRIPT.toString())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      script.getOutputStream().close();
      String out = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      boolean done = script.waitFor(5, TimeUnit.MINUTES);
      Matcher export = EXPORT.matcher(out);
      if (done && script.exitValue() == 0 && export.find()) {
        localUrl = export.group(1);
      } else {
        localProblem = SCRIPT + " did not start a server (see its messages above); set " + PG_ENV;
      }
    } catch (IOException | InterruptedException e) {
      localProblem = "cannot run " + SCRIPT + ": " + e.getMessage() + "; set " + PG_ENV;
    }
    return localUrl;
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
