package io.tributary.jobs.execution;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Routes {@code java.util.logging} through the project's logging. Tribuo and OLCUT log every
 * epoch, tree and configuration step at INFO through {@code java.util.logging}, whose default
 * handler prints them all on standard error; a tuning run printed hundreds of such lines between
 * the command's own progress lines. Installed when the CLI starts, this sends those records to
 * SLF4J and so to the Log4j configuration ({@code log4j2.xml}: libraries at WARN, one format, on
 * standard error), and lets {@code java.util.logging} create only WARNING and SEVERE records in
 * the first place.
 *
 * <pre>{@code
 * LibraryLogging.install();   // once, before any command runs; later calls do nothing
 * }</pre>
 */
public final class LibraryLogging {

  private LibraryLogging() {}

  /** Replaces the root {@code java.util.logging} handlers with the SLF4J bridge, at WARNING. */
  public static synchronized void install() {
    if (SLF4JBridgeHandler.isInstalled()) {
      return;
    }
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    Logger.getLogger("").setLevel(Level.WARNING);
  }
}
