package io.tributary.metadata.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * A PostgreSQL transaction whose connection was lost while it committed: it may or may not have
 * committed. Its id, taken when it began, answers that on a new connection ({@code txid_status}),
 * so the store neither loses the write by giving up nor doubles it by running it again.
 */
final class UnknownCommit {
  private final long transactionId;
  private final Object result;

  UnknownCommit(long transactionId, Object result) {
    this.transactionId = transactionId;
    this.result = result;
  }

  /** Assigns the current transaction its id now and returns it. */
  static long transactionId(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT txid_current()")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * The transaction's result if it committed, empty if it did not (so it must run again). While
   * the old backend is still finishing it the status is "in progress"; that is asked again until
   * it is settled, which takes as long as the old backend takes to exit.
   */
  Optional<Object> outcome(Connection connection) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement("SELECT txid_status(?)")) {
      s.setLong(1, transactionId);
      for (int asked = 1; ; asked++) {
        String status;
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          status = rs.getString(1);
        }
        if (!"in progress".equals(status)) {
          return "committed".equals(status) ? Optional.of(result) : Optional.empty();
        }
        try {
          Thread.sleep(Math.min(100, 5L * asked));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new SQLException("interrupted while asking whether a transaction committed", e);
        }
      }
    }
  }
}
