package io.tributary.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a SQLite store holds the write lock, seen from a second, plain JDBC connection to the same
 * file (as another process would see it): only while a write runs, and a write that waits for
 * another writer gets through once that one is done.
 */
class SqliteWriteLockTest {
  @TempDir Path dir;

  @Test
  void noLockIsHeldBetweenWrites() throws Exception {
    StoreConfig config = StoreConfig.inHome(dir);
    try (MetadataStore store = MetadataStore.open(config);
        Connection other = DriverManager.getConnection(config.url())) {
      WellKnownTypes.registerAll(store);
      store.putArtifact(Artifact.of(WellKnownTypes.MODEL, "/m"));
      // As a component would now run for minutes: another writer must get the lock at once.
      assertTrue(takesLockAtOnce(other), "the store kept the write lock after its write returned");
      store.findArtifacts(Query.all());
      store.registerType(NodeType.execution("Trainer"));
      store.putExecution(Execution.of("Trainer").withState(ExecutionState.RUNNING));
      assertTrue(takesLockAtOnce(other), "the store kept the write lock after its second write");
    }
  }

  @Test
  void aWriteWaitsForAnotherWriterAndThenSucceeds() throws Exception {
    StoreConfig config = StoreConfig.inHome(dir);
    try (MetadataStore store = MetadataStore.open(config);
        Connection other = DriverManager.getConnection(config.url())) {
      WellKnownTypes.registerAll(store);
      try (Statement s = other.createStatement()) {
        s.execute("BEGIN IMMEDIATE");
      }
      // Longer than SQLite's own busy timeout, so the store must back off and restart.
      Thread release = new Thread(() -> {
        try (Statement s = other.createStatement()) {
          Thread.sleep(2_500);
          s.execute("COMMIT");
        } catch (SQLException | InterruptedException e) {
          throw new IllegalStateException(e);
        }
      });
      release.start();
      Artifact a = store.putArtifact(Artifact.of(WellKnownTypes.MODEL, "/waited"));
      release.join();
      assertEquals(List.of(a), store.findArtifacts(Query.all().withUri("/waited")));
    }
  }

  @Test
  void aStoreDeletedWhileInUseFailsTheNextWrite() throws Exception {
    StoreConfig config = StoreConfig.inHome(dir);
    try (MetadataStore store = MetadataStore.open(config)) {
      WellKnownTypes.registerAll(store);
      deleteStore(config);
      MetadataException e = assertThrows(MetadataException.class,
          () -> store.putArtifact(Artifact.of(WellKnownTypes.MODEL, "/lost")));
      assertTrue(e.getMessage().contains("was deleted while this process was using it"), e.getMessage());
      assertFalse(e.getMessage().contains("\n"));
    }
  }

  @Test
  void aStoreMovedAsideAndReplacedWhileInUseFailsTheNextWrite() throws Exception {
    StoreConfig config = StoreConfig.inHome(dir);
    try (MetadataStore store = MetadataStore.open(config)) {
      WellKnownTypes.registerAll(store);
      Files.move(config.sqliteFile(), dir.resolve("metadata.sqlite.broken"));
      try (MetadataStore replacement = MetadataStore.open(config)) {
        WellKnownTypes.registerAll(replacement);
      }
      MetadataException e = assertThrows(MetadataException.class,
          () -> store.putArtifact(Artifact.of(WellKnownTypes.MODEL, "/lost")));
      assertTrue(e.getMessage().contains("was replaced while this process was using it"), e.getMessage());
    }
  }

  private static void deleteStore(StoreConfig config) throws Exception {
    Path file = config.sqliteFile();
    for (String suffix : List.of("", "-wal", "-shm")) {
      Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
    }
  }

  private static boolean takesLockAtOnce(Connection other) throws SQLException {
    try (Statement s = other.createStatement()) {
      s.execute("PRAGMA busy_timeout = 0");
      try {
        s.execute("BEGIN IMMEDIATE");
      } catch (SQLException e) {
        return false;
      }
      s.execute("ROLLBACK");
      return true;
    }
  }
}
