package io.toasty.sql.push;

import io.toasty.sql.dialect.SqlDialect;

/**
 * The one catalog query per backend that schema push reads before it pushes: a row per table of
 * the current schema (table, empty), a row per constraint and index (table, name), and on SQLite
 * the table's CREATE TABLE text as a third column, since SQLite lists indexes but no constraint
 * by name. See {@link ExistingSchema}.
 */
public final class SchemaCatalog {
  private SchemaCatalog() {}

  /** The query for {@code dialect}'s backend. */
  public static String query(SqlDialect dialect) {
    return switch (dialect.backend()) {
      case "postgresql" -> "SELECT c.relname::text, o.conname::text, NULL FROM pg_constraint o "
          + "JOIN pg_class c ON c.oid = o.conrelid "
          + "WHERE c.relnamespace = current_schema()::regnamespace "
          + "UNION ALL SELECT tablename::text, indexname::text, NULL FROM pg_indexes "
          + "WHERE schemaname = current_schema() "
          + "UNION ALL SELECT table_name::text, '', NULL FROM information_schema.tables "
          + "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'";
      case "h2" -> "SELECT TABLE_NAME, CONSTRAINT_NAME, NULL FROM "
          + "INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = CURRENT_SCHEMA "
          + "UNION ALL SELECT TABLE_NAME, INDEX_NAME, NULL FROM INFORMATION_SCHEMA.INDEXES "
          + "WHERE TABLE_SCHEMA = CURRENT_SCHEMA "
          + "UNION ALL SELECT TABLE_NAME, '', NULL FROM INFORMATION_SCHEMA.TABLES "
          + "WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND TABLE_TYPE = 'BASE TABLE'";
      case "sqlite" -> "SELECT name, '', sql FROM sqlite_master WHERE type = 'table' "
          + "UNION ALL SELECT tbl_name, name, NULL FROM sqlite_master WHERE type = 'index'";
      default -> "SELECT table_name, constraint_name, NULL FROM "
          + "information_schema.table_constraints WHERE table_schema = DATABASE() "
          + "UNION ALL SELECT table_name, index_name, NULL FROM information_schema.statistics "
          + "WHERE table_schema = DATABASE() "
          + "UNION ALL SELECT table_name, '', NULL FROM information_schema.tables "
          + "WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'";
    };
  }
}
