package io.tributary.metadata;

class PostgresStoreTest extends MetadataStoreContract {
  @Override
  protected Backend backend() {
    return Backend.POSTGRES;
  }
}
