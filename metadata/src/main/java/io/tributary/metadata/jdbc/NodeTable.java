package io.tributary.metadata.jdbc;

import io.tributary.metadata.TypeKind;

/**
 * The fixed SQL names for each node kind: its table, its extra columns, and the link table that
 * puts it in a context. Only these constants are ever spliced into SQL, never user input.
 */
enum NodeTable {
  ARTIFACT("artifact", true, true, "attribution", "artifact_id", "context_id"),
  EXECUTION("execution", false, true, "association", "execution_id", "context_id"),
  CONTEXT("context", false, false, "parent_context", "context_id", "parent_id");

  final String table;
  final boolean hasUri;
  final boolean hasState;
  final String linkTable;
  final String linkNodeColumn;
  final String linkContextColumn;

  NodeTable(String table, boolean hasUri, boolean hasState, String linkTable, String linkNodeColumn,
      String linkContextColumn) {
    this.table = table;
    this.hasUri = hasUri;
    this.hasState = hasState;
    this.linkTable = linkTable;
    this.linkNodeColumn = linkNodeColumn;
    this.linkContextColumn = linkContextColumn;
  }

  static NodeTable of(TypeKind kind) {
    return valueOf(kind.name());
  }

  /** Columns read for a node, in the order {@link NodeRepository} maps them. */
  String selectColumns() {
    return "n.id, n.type_id, n.name, " + (hasUri ? "n.uri" : "NULL") + ", "
        + (hasState ? "n.state" : "NULL") + ", n.create_time, n.update_time";
  }
}
