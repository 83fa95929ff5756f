package io.tributary.metadata;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a fresh store of the subclass's backend before each test, with the well-known types and
 * a {@code Trainer} execution type registered, and removes it afterwards.
 */
abstract class StoreTestBase {
  /** Where a test store lives. */
  enum Backend {
    SQLITE,
    POSTGRES
  }

  @TempDir Path tempDir;
  protected MetadataStore store;
  private StoreConfig config;

  protected abstract Backend backend();

  @BeforeEach
  void openStore() {
    config = backend() == Backend.SQLITE ? Backends.sqlite(tempDir) : Backends.freshPostgres();
    store = MetadataStore.open(config);
    WellKnownTypes.registerAll(store);
    store.registerType(NodeType.execution("Trainer").withProperty("epochs", PropertyType.INT));
    store.registerType(NodeType.execution("Evaluator"));
    store.registerType(NodeType.execution("Pusher"));
  }

  @AfterEach
  void closeStore() throws Exception {
    if (store != null) {
      store.close();
    }
    if (config != null && config.schema() != null) {
      Backends.dropSchema(config);
    }
  }
}
