package io.tributary.metadata.jdbc;

import io.tributary.metadata.MetadataException;
import io.tributary.metadata.StoreConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * One connection to the store and the two ways to use it: {@link #write} runs a unit of work as
 * one transaction, retried from the start when another process holds the lock or PostgreSQL
 * reports a deadlock; {@link #read} runs it without a transaction.
 *
 * <p>SQLite runs in WAL mode (readers never block the writer), with a busy timeout, foreign keys
 * on, and {@code BEGIN IMMEDIATE} transactions so that two writers queue instead of failing
 * half-way. Every {@link SQLException} leaves as a {@link MetadataException} with a one-line
 * explanation.
 */
final class Database implements AutoCloseable {
  /** A unit of work on the connection. */
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private static final int BUSY_TIMEOUT_MS = 5_000;
  private static final int MAX_ATTEMPTS = 30;
  private static final Duration MAX_BACKOFF = Duration.ofMillis(500);
  private static final int PG_CONNECT_TIMEOUT_S = 5;

  private final StoreConfig config;
  private final Dialect dialect;
  private final ReentrantLock lock = new ReentrantLock();
  private Connection connection;

  private Database(StoreConfig config) {
    this.config = config;
    this.dialect = Dialect.of(config.url());
  }

  /** Connects, creating the SQLite folder when writable; the schema is not touched here. */
  static Database connect(StoreConfig config) {
    Database db = new Database(config);
    if (config.isSqlite()) {
      Path file = config.sqliteFile();
      if (config.isReadOnly() && !Files.exists(file)) {
        throw new MetadataException(
            "no metadata store at " + file + ": run a pipeline first, or pass --home/--metadataUrl");
      }
      try {
        Files.createDirectories(file.toAbsolutePath().getParent());
      } catch (java.io.IOException | SecurityException e) {
        throw new MetadataException(
            "cannot create the folder of metadata store " + file + ": " + e.getMessage());
      }
    }
    try {
      db.connection = db.open();
    } catch (SQLException e) {
      throw new MetadataException(db.dialect.explain(e, config.location(), "open it"), e);
    }
    return db;
  }

  StoreConfig config() {
    return config;
  }

  Dialect dialect() {
    return dialect;
  }

  /** A new connection configured like the store's own; Flyway uses it for migrations. */
  Connection open() throws SQLException {
    if (dialect == Dialect.SQLITE) {
      SQLiteConfig sqlite = new SQLiteConfig();
      sqlite.setBusyTimeout(BUSY_TIMEOUT_MS);
      sqlite.enforceForeignKeys(true);
      sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
      if (config.isReadOnly()) {
        sqlite.setReadOnly(true);
      } else {
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
      }
      Connection c = DriverManager.getConnection(config.url(), sqlite.toProperties());
      // Reading the schema forces SQLite to open the file now: a corrupt file fails here.
      try (var probe = c.createStatement()) {
        probe.execute("SELECT count(*) FROM sqlite_master");
      } catch (SQLException e) {
        c.close();
        throw e;
      }
      return c;
    }
    Properties props = new Properties();
    props.setProperty("connectTimeout", Integer.toString(PG_CONNECT_TIMEOUT_S));
    props.setProperty("loginTimeout", Integer.toString(PG_CONNECT_TIMEOUT_S));
    if (config.schema() != null) {
      props.setProperty("currentSchema", config.schema());
    }
    Connection c = DriverManager.getConnection(config.url(), props);
    c.setReadOnly(config.isReadOnly());
    return c;
  }

  /** Runs {@code work} in one transaction; {@code action} names it in error messages. */
  <T> T write(String action, Work<T> work) {
    if (config.isReadOnly()) {
      throw new MetadataException(
          "metadata store " + config.location() + " was opened read-only, cannot " + action);
    }
    return withRetries(action, true, work);
  }

  /** Runs {@code work} in auto-commit mode (each statement sees the latest committed data). */
  <T> T read(String action, Work<T> work) {
    return withRetries(action, false, work);
  }

  private <T> T withRetries(String action, boolean transactional, Work<T> work) {
    lock.lock();
    try {
      if (connection == null) {
        throw new MetadataException("metadata store " + config.location() + " is closed");
      }
      for (int attempt = 1; ; attempt++) {
        try {
          connection.setAutoCommit(!transactional);
          T result = work.run(connection);
          if (transactional) {
            connection.commit();
          }
          return result;
        } catch (SQLException e) {
          rollbackQuietly(transactional, e);
          if (attempt < MAX_ATTEMPTS && dialect.isRetryable(e)) {
            backoff(attempt);
            continue;
          }
          throw new MetadataException(dialect.explain(e, config.location(), action), e);
        } catch (RuntimeException e) {
          rollbackQuietly(transactional, e);
          throw e;
        }
      }
    } finally {
      lock.unlock();
    }
  }

  private void rollbackQuietly(boolean transactional, Exception cause) {
    if (!transactional) {
      return;
    }
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  private static void backoff(int attempt) {
    // Exponential with jitter so that two colliding writers do not collide again in lock-step.
    long cap = Math.min(MAX_BACKOFF.toMillis(), 5L << Math.min(attempt, 10));
    try {
      Thread.sleep(1 + ThreadLocalRandom.current().nextLong(cap));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MetadataException("interrupted while waiting for the metadata store lock");
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      if (connection != null) {
        connection.close();
        connection = null;
      }
    } catch (SQLException e) {
      throw new MetadataException(dialect.explain(e, config.location(), "close it"), e);
    } finally {
      lock.unlock();
    }
  }
}
