package io.tributary.metadata.jdbc;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;

/**
 * Where Flyway's messages go: its step-by-step INFO chatter to java.util.logging at FINE (hidden
 * by default, so the CLI prints only its own output), warnings and errors at WARNING and SEVERE.
 *
 * <p>Without this Flyway picks whatever logging library it finds on the class path; in the shaded
 * CLI jar that is Log4j 2, which prints its own start-up warning on every command. Flyway
 * instantiates this class by name, so it must stay public with a no-argument constructor.
 */
public final class FlywayLog implements LogCreator {
  @Override
  public Log createLogger(Class<?> clazz) {
    Logger logger = Logger.getLogger(clazz.getName());
    return new Log() {
      @Override
      public boolean isDebugEnabled() {
        return logger.isLoggable(Level.FINEST);
      }

      @Override
      public void debug(String message) {
        logger.finest(message);
      }

      @Override
      public void info(String message) {
        logger.fine(message);
      }

      @Override
      public void notice(String message) {
        logger.fine(message);
      }

      @Override
      public void warn(String message) {
        logger.warning(message);
      }

      @Override
      public void error(String message) {
        logger.severe(message);
      }

      @Override
      public void error(String message, Exception e) {
        logger.log(Level.SEVERE, message, e);
      }
    };
  }
}
