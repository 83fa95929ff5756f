-- Tributary metadata schema, version 1. One script for SQLite and PostgreSQL:
-- ${id_column} is the only dialect-specific piece (an auto-assigned 64-bit primary key).
-- Times are epoch milliseconds; enums are stored by name; JSON values are text.

CREATE TABLE node_type (
  id ${id_column},
  kind VARCHAR(16) NOT NULL,
  name VARCHAR(128) NOT NULL,
  UNIQUE (kind, name)
);

CREATE TABLE type_property (
  type_id BIGINT NOT NULL REFERENCES node_type (id),
  name VARCHAR(128) NOT NULL,
  data_type VARCHAR(16) NOT NULL,
  PRIMARY KEY (type_id, name)
);

CREATE TABLE artifact (
  id ${id_column},
  type_id BIGINT NOT NULL REFERENCES node_type (id),
  name VARCHAR(255),
  uri TEXT NOT NULL,
  state VARCHAR(32) NOT NULL,
  create_time BIGINT NOT NULL,
  update_time BIGINT NOT NULL
);
CREATE UNIQUE INDEX artifact_type_name ON artifact (type_id, name) WHERE name IS NOT NULL;
CREATE INDEX artifact_uri ON artifact (uri);
CREATE INDEX artifact_type_time ON artifact (type_id, create_time);
CREATE INDEX artifact_state ON artifact (state);

CREATE TABLE execution (
  id ${id_column},
  type_id BIGINT NOT NULL REFERENCES node_type (id),
  name VARCHAR(255),
  state VARCHAR(32) NOT NULL,
  create_time BIGINT NOT NULL,
  update_time BIGINT NOT NULL
);
CREATE UNIQUE INDEX execution_type_name ON execution (type_id, name) WHERE name IS NOT NULL;
CREATE INDEX execution_type_time ON execution (type_id, create_time);
CREATE INDEX execution_state ON execution (state);

CREATE TABLE context (
  id ${id_column},
  type_id BIGINT NOT NULL REFERENCES node_type (id),
  name VARCHAR(255) NOT NULL,
  create_time BIGINT NOT NULL,
  update_time BIGINT NOT NULL,
  UNIQUE (type_id, name)
);

-- Declared and custom properties of all three node kinds; exactly one *_value is set.
CREATE TABLE property (
  node_kind VARCHAR(16) NOT NULL,
  node_id BIGINT NOT NULL,
  name VARCHAR(128) NOT NULL,
  is_custom SMALLINT NOT NULL,
  data_type VARCHAR(16) NOT NULL,
  int_value BIGINT,
  double_value DOUBLE PRECISION,
  string_value TEXT,
  PRIMARY KEY (node_kind, node_id, name)
);
CREATE INDEX property_int ON property (node_kind, name, int_value);
CREATE INDEX property_string ON property (node_kind, name, string_value);

CREATE TABLE event (
  id ${id_column},
  artifact_id BIGINT NOT NULL REFERENCES artifact (id),
  execution_id BIGINT NOT NULL REFERENCES execution (id),
  type VARCHAR(16) NOT NULL,
  path TEXT NOT NULL,
  event_time BIGINT NOT NULL
);
CREATE INDEX event_artifact ON event (artifact_id, type);
CREATE INDEX event_execution ON event (execution_id, type);

CREATE TABLE attribution (
  context_id BIGINT NOT NULL REFERENCES context (id),
  artifact_id BIGINT NOT NULL REFERENCES artifact (id),
  PRIMARY KEY (context_id, artifact_id)
);
CREATE INDEX attribution_artifact ON attribution (artifact_id);

CREATE TABLE association (
  context_id BIGINT NOT NULL REFERENCES context (id),
  execution_id BIGINT NOT NULL REFERENCES execution (id),
  PRIMARY KEY (context_id, execution_id)
);
CREATE INDEX association_execution ON association (execution_id);

CREATE TABLE parent_context (
  context_id BIGINT NOT NULL REFERENCES context (id),
  parent_id BIGINT NOT NULL REFERENCES context (id),
  PRIMARY KEY (context_id, parent_id)
);
CREATE INDEX parent_context_parent ON parent_context (parent_id);
