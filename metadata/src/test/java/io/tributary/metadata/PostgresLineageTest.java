package io.tributary.metadata;

class PostgresLineageTest extends LineageContract {
  @Override
  protected Backend backend() {
    return Backend.POSTGRES;
  }
}
