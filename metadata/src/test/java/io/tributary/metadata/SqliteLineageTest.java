package io.tributary.metadata;

class SqliteLineageTest extends LineageContract {
  @Override
  protected Backend backend() {
    return Backend.SQLITE;
  }
}
