package io.tributary.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A PostgreSQL connection lost in the middle of a run costs no write and doubles none: the real
 * server terminates the store's connection ({@code pg_terminate_backend}, as an administrator or
 * a restart would) between and during writes, and a relay breaks the connection after a COMMIT
 * reached the server but before its answer came back.
 */
class PostgresReconnectTest {
  private static final Pattern HOST_PORT = Pattern.compile("//([^:/]+):(\\d+)/");
  /** The store names its connections after its process (see Database). */
  private static final String APPLICATION = "tributary " + ProcessHandle.current().pid();

  private StoreConfig config;

  /**
   * The first PostgreSQL login of a JVM (SCRAM, classes loaded cold) can take longer than the
   * store's connect timeout on a loaded machine; that is not what these tests are about.
   */
  @BeforeAll
  static void warmUp() throws SQLException {
    DriverManager.getConnection(Backends.postgresUrl()).close();
  }

  @BeforeEach
  void freshSchema() {
    config = Backends.freshPostgres();
  }

  @AfterEach
  void dropSchema() throws SQLException {
    Backends.dropSchema(config);
  }

  @Test
  void aTerminatedConnectionIsOpenedAgainAndTheNextWriteSucceeds() throws Exception {
    try (MetadataStore store = MetadataStore.open(config)) {
      WellKnownTypes.registerAll(store);
      store.putArtifact(Artifact.of(WellKnownTypes.MODEL, "/before"));
      assertEquals(1, terminateStoreConnections());
      store.putArtifact(Artifact.of(WellKnownTypes.MODEL, "/after"));
      assertEquals(2, store.findArtifacts(Query.all()).size());
    }
  }

  @Test
  void connectionsTerminatedWhileWritingLoseNothingAndDoubleNothing() throws Exception {
    int publications = 60;
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicInteger terminated = new AtomicInteger();
    try (MetadataStore store = MetadataStore.open(config)) {
      WellKnownTypes.registerAll(store);
      store.registerType(NodeType.execution("Trainer"));
      Thread killer = new Thread(() -> {
        while (writing.get()) {
          try {
            terminated.addAndGet(terminateStoreConnections());
            Thread.sleep(15);
          } catch (SQLException | InterruptedException e) {
            throw new IllegalStateException(e);
          }
        }
      });
      killer.start();
      try {
        for (int i = 0; i < publications; i++) {
          store.publishExecution(
              Execution.of("Trainer").withCacheKey("k" + i).withState(ExecutionState.COMPLETE),
              List.of(
                  ArtifactAndEvent.output(Artifact.of(WellKnownTypes.MODEL, "/model/" + i), "model"),
                  ArtifactAndEvent.output(Artifact.of(WellKnownTypes.MODEL_EVALUATION, "/eval/" + i), "evaluation")),
              List.of(Context.of(WellKnownTypes.PIPELINE, "p")));
        }
      } finally {
        writing.set(false);
        killer.join();
      }
      assertTrue(terminated.get() >= 5, "only " + terminated.get() + " connections were terminated");
      assertEquals(publications, store.findExecutions(Query.all().limit(1_000)).size());
      assertEquals(2 * publications, store.findArtifacts(Query.all().limit(1_000)).size());
      for (int i = 0; i < publications; i++) {
        assertEquals(1, store.findArtifacts(Query.all().withUri("/model/" + i)).size(), "/model/" + i);
      }
      System.out.printf("[PostgresReconnectTest] %d publications, %d connections terminated meanwhile%n",
          publications, terminated.get());
    }
  }

  @Test
  void aCommitWhoseAnswerIsLostIsFoundCommittedAndNotRunAgain() throws Exception {
    Matcher at = HOST_PORT.matcher(config.url());
    assertTrue(at.find(), config.url());
    try (DroppingProxy proxy = new DroppingProxy(at.group(1), Integer.parseInt(at.group(2)))) {
      // In plain text, and every COMMIT as text, not as a prepared statement: what the relay looks for.
      StoreConfig relayed = StoreConfig.url(withParameter(at.replaceFirst("//127.0.0.1:" + proxy.port() + "/"),
              "sslmode=disable&prepareThreshold=0"))
          .withSchema(config.schema());
      try (MetadataStore store = MetadataStore.open(relayed)) {
        WellKnownTypes.registerAll(store);
        proxy.dropAfterNextCommit();
        Artifact stored = store.putArtifact(Artifact.of(WellKnownTypes.MODEL, "/once"));
        assertEquals(1, proxy.dropped(), "the connection was broken after the COMMIT");
        assertEquals(List.of(stored), store.findArtifacts(Query.all().withUri("/once")));
      }
    }
  }

  private static String withParameter(String url, String parameter) {
    return url + (url.contains("?") ? "&" : "?") + parameter;
  }

  /** Terminates this JVM's store connections from a connection of its own; returns how many. */
  private int terminateStoreConnections() throws SQLException {
    try (Connection admin = DriverManager.getConnection(config.url());
        PreparedStatement s = admin.prepareStatement(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                + " WHERE application_name = ? AND pid <> pg_backend_pid()")) {
      s.setString(1, APPLICATION);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
