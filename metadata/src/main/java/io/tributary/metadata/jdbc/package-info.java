/**
 * The JDBC implementation of the metadata store for SQLite and PostgreSQL: one schema created
 * and upgraded by Flyway migrations ({@code resources/io/tributary/metadata/migration}), one
 * connection per store with transactions retried on lock contention, and repositories per
 * concern (types, nodes, properties, edges, lineage). Only {@link
 * io.tributary.metadata.jdbc.JdbcMetadataStore} is public; use it through {@link
 * io.tributary.metadata.MetadataStore#open}.
 */
package io.tributary.metadata.jdbc;
