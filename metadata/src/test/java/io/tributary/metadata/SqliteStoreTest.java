package io.tributary.metadata;

class SqliteStoreTest extends MetadataStoreContract {
  @Override
  protected Backend backend() {
    return Backend.SQLITE;
  }
}
