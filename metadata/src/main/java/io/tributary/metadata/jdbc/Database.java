package io.tributary.metadata.jdbc;

import io.tributary.metadata.MetadataException;
import io.tributary.metadata.StoreConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * One connection to the store and the two ways to use it: {@link #write} runs a unit of work as
 * one short transaction, restarted from the start when another process holds the lock or
 * PostgreSQL reports a deadlock or drops the connection; {@link #read} runs it without a
 * transaction.
 *
 * <p>SQLite runs in WAL mode (readers never block the writer and are never blocked), with a busy
 * timeout and foreign keys on. A write takes the lock with {@code BEGIN IMMEDIATE} only for the
 * statements of that write, so concurrent runs on one home queue for milliseconds, never for
 * the length of a component. A write that finds the file deleted or replaced since it was opened
 * fails: what it wrote went nowhere. Every {@link SQLException} leaves as a {@link
 * MetadataException} with a one-line explanation.
 *
 * <p>A PostgreSQL connection that is lost (the server restarted, the backend was terminated, the
 * network broke) is opened again and the unit of work run again from its start, for at most
 * {@link #MAX_WAIT}. A connection lost during the commit leaves its outcome unknown: the
 * transaction's id, taken at its start, tells after reconnecting whether it committed, so a write
 * is never lost and never done twice.
 */
final class Database implements AutoCloseable {
  /** A unit of work on the connection. */
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** How long SQLite itself waits for the lock in one attempt before we back off and restart. */
  private static final int BUSY_TIMEOUT_MS = 1_000;
  /** Total time one write may wait for other writers before it fails with one line. */
  static final Duration MAX_WAIT = Duration.ofSeconds(60);
  private static final Duration MAX_BACKOFF = Duration.ofMillis(250);
  /** A server that is not there fails this fast. */
  private static final int PG_CONNECT_TIMEOUT_S = 5;
  /**
   * A server that is there but slow to log in (SCRAM on a loaded machine, several runs starting at
   * once) gets this long: a run should not fail because the machine was busy.
   */
  private static final int PG_LOGIN_TIMEOUT_S = 20;

  private final StoreConfig config;
  private final Dialect dialect;
  private final ReentrantLock lock = new ReentrantLock();
  /** Null after a lost PostgreSQL connection until the next use reopens it. */
  private Connection connection;
  private boolean closed;
  /** A PostgreSQL commit whose connection was lost before it answered, or null. */
  private UnknownCommit unknownCommit;
  /** The SQLite file as opened, to notice it being deleted or replaced; null for PostgreSQL. */
  private StoreFile identity;
  private long transactions;
  private long lockedNanos;
  private long longestNanos;

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
      if (config.isSqlite() && !config.isReadOnly()) {
        db.identity = StoreFile.of(db.config);
      }
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
      // Only Flyway's connections use JDBC transactions (see inTransaction for the store's own):
      // the driver begins the next one right after each commit, which in DEFERRED mode takes no lock.
      sqlite.setTransactionMode(SQLiteConfig.TransactionMode.DEFERRED);
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
    // Shown in pg_stat_activity, so an operator can tell which process holds a connection.
    props.setProperty("ApplicationName", "tributary " + ProcessHandle.current().pid());
    props.setProperty("connectTimeout", Integer.toString(PG_CONNECT_TIMEOUT_S));
    props.setProperty("loginTimeout", Integer.toString(PG_LOGIN_TIMEOUT_S));
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
    // Checked before (a clear line instead of whatever the other file says) and after (the
    // commit may have gone to a file deleted meanwhile).
    if (identity != null) {
      identity.check(action);
    }
    T result = withRetries(action, true, work);
    if (identity != null) {
      identity.check(action);
    }
    return result;
  }

  /** Runs {@code work} in auto-commit mode (each statement sees the latest committed data). */
  <T> T read(String action, Work<T> work) {
    return withRetries(action, false, work);
  }

  /** How long this connection's write transactions have held the store's write lock so far. */
  WriteLockTime writeLockTime() {
    lock.lock();
    try {
      return new WriteLockTime(transactions, Duration.ofNanos(lockedNanos), Duration.ofNanos(longestNanos));
    } finally {
      lock.unlock();
    }
  }

  /**
   * Runs {@code work}, and when another writer holds the lock (SQLite) or PostgreSQL reports a
   * serialisation failure or deadlock or the connection is lost, rolls back and runs the whole of
   * it again after a jittered backoff (on a new connection if it was lost), for at most {@link
   * #MAX_WAIT} in total.
   */
  private <T> T withRetries(String action, boolean transactional, Work<T> work) {
    lock.lock();
    try {
      if (closed) {
        throw new MetadataException("metadata store " + config.location() + " is closed");
      }
      long start = System.nanoTime();
      for (int attempt = 1; ; attempt++) {
        try {
          if (connection == null) {
            connection = open();
          }
          if (unknownCommit != null) {
            Optional<Object> committed = unknownCommit.outcome(connection);
            unknownCommit = null;
            if (committed.isPresent()) {
              @SuppressWarnings("unchecked") // the result of this very work, kept across the reconnect
              T result = (T) committed.get();
              return result;
            }
          }
          return transactional ? inTransaction(work) : work.run(connection);
        } catch (SQLException e) {
          boolean lost = dialect.isConnectionLost(e);
          if (!lost && !dialect.isRetryable(e)) {
            throw new MetadataException(dialect.explain(e, config.location(), action), e);
          }
          if (lost) {
            closeLostConnection(e);
          }
          if (System.nanoTime() - start > MAX_WAIT.toNanos()) {
            throw new MetadataException(lost ? dialect.explain(e, config.location(), action) : gaveUp(action), e);
          }
          backoff(attempt);
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * One short transaction. On SQLite it is begun explicitly with {@code BEGIN IMMEDIATE} (taking
   * the write lock up front, so it cannot fail half-way for a lock) and ended at once: the
   * connection stays in auto-commit mode, because the JDBC driver's own transactions begin the
   * next one right after every commit and so would hold the lock between writes. On PostgreSQL
   * the transaction's id is taken first, to find out whether a commit that lost its connection
   * went through.
   */
  private <T> T inTransaction(Work<T> work) throws SQLException {
    boolean sqlite = dialect == Dialect.SQLITE;
    boolean begun = false;
    try {
      long xid = 0;
      if (sqlite) {
        execute("BEGIN IMMEDIATE");
      } else {
        connection.setAutoCommit(false);
        xid = UnknownCommit.transactionId(connection);
      }
      begun = true;
      long locked = System.nanoTime();
      T result = work.run(connection);
      if (sqlite) {
        execute("COMMIT");
      } else {
        try {
          connection.commit();
        } catch (SQLException e) {
          if (dialect.isConnectionLost(e)) {
            unknownCommit = new UnknownCommit(xid, result);
            begun = false; // nothing to roll back on a lost connection
          }
          throw e;
        }
      }
      begun = false;
      long held = System.nanoTime() - locked;
      transactions++;
      lockedNanos += held;
      longestNanos = Math.max(longestNanos, held);
      return result;
    } catch (SQLException | RuntimeException | Error e) {
      if (begun) {
        rollbackQuietly(e);
      }
      throw e;
    } finally {
      if (!sqlite && connection != null && !connection.isClosed()) {
        try {
          connection.setAutoCommit(true);
        } catch (SQLException e) {
          // The connection broke: the caller sees the exception that broke it, or the next use does.
        }
      }
    }
  }

  private void execute(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private void rollbackQuietly(Throwable cause) {
    try {
      if (dialect == Dialect.SQLITE) {
        execute("ROLLBACK");
      } else {
        connection.rollback();
      }
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  /** Forgets a PostgreSQL connection that broke; the next attempt opens a new one. */
  private void closeLostConnection(SQLException cause) {
    if (connection == null) {
      return; // reopening it failed: the server is still away
    }
    try {
      connection.close();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
    connection = null;
  }

  private String gaveUp(String action) {
    String waited = " for " + MAX_WAIT.toSeconds() + " s, cannot " + action + ": try again when the other";
    return config.isSqlite()
        ? "metadata store " + config.location() + " stayed locked by another writer" + waited
            + " run has finished, or find the process that holds it (fuser " + config.sqliteFile() + ")"
        : "metadata store " + config.location() + " kept reporting deadlocks or serialisation conflicts"
            + waited + " writers have finished";
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
      closed = true;
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
