package io.tributary.jobs.metadata;

import io.tributary.metadata.StoreConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Which metadata store a command opens: SQLite in the Tributary home, or a JDBC url. A picocli
 * mixin shared by the metadata commands and {@code tributary run}.
 */
public final class StoreOptions {
  @Option(
      names = "--home",
      paramLabel = "DIR",
      description = "Tributary home holding metadata.sqlite (default: $TRIBUTARY_HOME or ~/.tributary).")
  Path home;

  @Option(
      names = "--metadataUrl",
      paramLabel = "JDBC_URL",
      description = "Use this store instead, e.g. jdbc:postgresql://host:5432/db?user=u&password=p.")
  String url;

  /** The Tributary home: where the SQLite store and, by default, pipeline artifacts live. */
  public Path home() {
    return home != null ? home : StoreConfig.defaultHome(System.getenv());
  }

  /** The chosen store; {@code readOnly} for commands that only look. */
  public StoreConfig config(boolean readOnly) {
    if (home != null && url != null) {
      throw new IllegalArgumentException("give either --home or --metadataUrl, not both");
    }
    StoreConfig config =
        url != null
            ? StoreConfig.url(url)
            : StoreConfig.inHome(home != null ? home : StoreConfig.defaultHome(System.getenv()));
    return readOnly ? config.readOnly() : config;
  }
}
