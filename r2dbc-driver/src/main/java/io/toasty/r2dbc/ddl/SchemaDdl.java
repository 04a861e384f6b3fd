package io.toasty.r2dbc.ddl;

import io.toasty.r2dbc.dialect.SqlDialect;
import io.toasty.schema.Schema;
import io.toasty.schema.db.ColumnSchema;
import io.toasty.schema.db.TableIndex;
import io.toasty.schema.db.TableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The DDL that creates and drops a schema's tables and indexes, in the order to run it.
 *
 * <p>Every statement is idempotent ({@code IF NOT EXISTS} / {@code IF EXISTS}), so a push creates
 * only what is missing. The primary key constraint is named {@code <table>_pkey} (when that fits
 * the dialect's identifier length) so that a violation can be traced back to the table.
 */
public final class SchemaDdl {
  private final SqlDialect dialect;
  private final Schema schema;

  public SchemaDdl(SqlDialect dialect, Schema schema) {
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    this.schema = Objects.requireNonNull(schema, "schema");
  }

  /** The name of a table's primary key constraint, or {@code null} when it would be too long. */
  public static String primaryKeyName(SqlDialect dialect, String table) {
    String name = table + "_pkey";
    return name.length() <= dialect.maxIdentifierLength() ? name : null;
  }

  /** CREATE TABLE for every table, then CREATE INDEX for every index. */
  public List<String> create() {
    List<String> out = new ArrayList<>();
    for (TableSchema table : schema.tables()) {
      out.add(createTable(table));
    }
    for (TableSchema table : schema.tables()) {
      for (TableIndex index : table.indexes()) {
        out.add(createIndex(table, index));
      }
    }
    return out;
  }

  /** DROP TABLE for every table, in reverse registration order. */
  public List<String> drop() {
    List<String> out = new ArrayList<>();
    for (TableSchema table : schema.tables()) {
      StringBuilder sql = new StringBuilder("DROP TABLE IF EXISTS ");
      ident(sql, table.name());
      if (dialect.dropTableCascade()) {
        sql.append(" CASCADE");
      }
      out.add(0, sql.toString());
    }
    return out;
  }

  /** {@code CREATE TABLE IF NOT EXISTS ...} for one table. */
  public String createTable(TableSchema table) {
    StringBuilder sql = new StringBuilder("CREATE TABLE IF NOT EXISTS ");
    ident(sql, table.name());
    sql.append(" (");
    for (int i = 0; i < table.columns().size(); i++) {
      ColumnSchema column = table.column(i);
      if (i > 0) {
        sql.append(", ");
      }
      ident(sql, column.name());
      String type = dialect.columnType(column.type());
      sql.append(' ').append(column.identity() ? dialect.identityColumn(type) : type);
      if (!column.nullable() || column.identity() || table.primaryKey().contains(i)) {
        sql.append(" NOT NULL");
      }
    }
    if (!table.primaryKey().isEmpty()) {
      sql.append(", ");
      String name = primaryKeyName(dialect, table.name());
      if (name != null) {
        sql.append("CONSTRAINT ");
        ident(sql, name);
        sql.append(' ');
      }
      sql.append("PRIMARY KEY ");
      columns(sql, table, table.primaryKey());
    }
    sql.append(')');
    return sql.toString();
  }

  /** {@code CREATE [UNIQUE] INDEX IF NOT EXISTS ...} for one index. */
  public String createIndex(TableSchema table, TableIndex index) {
    StringBuilder sql = new StringBuilder(index.unique() ? "CREATE UNIQUE INDEX IF NOT EXISTS "
        : "CREATE INDEX IF NOT EXISTS ");
    ident(sql, index.name());
    sql.append(" ON ");
    ident(sql, table.name());
    sql.append(' ');
    columns(sql, table, index.columns());
    return sql.toString();
  }

  private void columns(StringBuilder sql, TableSchema table, List<Integer> columns) {
    sql.append('(');
    for (int i = 0; i < columns.size(); i++) {
      if (i > 0) {
        sql.append(", ");
      }
      ident(sql, table.column(columns.get(i)).name());
    }
    sql.append(')');
  }

  private void ident(StringBuilder sql, String name) {
    if (name.length() > dialect.maxIdentifierLength()) {
      throw new IllegalArgumentException("identifier '" + name + "' is longer than the "
          + dialect.maxIdentifierLength() + " characters " + dialect.backend() + " accepts");
    }
    dialect.quoteIdentifier(sql, name);
  }
}
