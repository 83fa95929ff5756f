package io.tributary.metadata.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The minimal {@link DataSource} Flyway needs, opening connections exactly as the store does
 * (same SQLite pragmas, same PostgreSQL schema and timeouts).
 */
final class ConnectionSource implements DataSource {
  /** Opens one new connection. */
  interface Opener {
    Connection open() throws SQLException;
  }

  private final Opener opener;

  ConnectionSource(Opener opener) {
    this.opener = opener;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return opener.open();
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return opener.open();
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    throw new SQLException("not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return false;
  }
}
