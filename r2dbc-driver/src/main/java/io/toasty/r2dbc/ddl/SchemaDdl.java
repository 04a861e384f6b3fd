package io.toasty.r2dbc.ddl;

import io.toasty.InvalidModelException;
import io.toasty.r2dbc.dialect.SqlDialect;
import io.toasty.r2dbc.dialect.SqlDialect.ForeignKeyStyle;
import io.toasty.r2dbc.dialect.SqlDialect.IdentityStyle;
import io.toasty.r2dbc.dialect.SqlDialect.IndexPlacement;
import io.toasty.schema.Schema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.db.ColumnSchema;
import io.toasty.schema.db.CreationOrder;
import io.toasty.schema.db.TableForeignKey;
import io.toasty.schema.db.TableIndex;
import io.toasty.schema.db.TableSchema;
import io.toasty.schema.mapping.ModelMapping;
import io.toasty.value.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The DDL that creates and drops a schema's tables and indexes, in the order to run it.
 *
 * <p>Every statement is idempotent ({@code IF NOT EXISTS} / {@code IF EXISTS}), so a push creates
 * only what is missing (a table that exists keeps what it has: its foreign keys are those it was
 * created with). Each belongs-to relation whose key is checked is a {@code FOREIGN KEY}
 * ({@link TableForeignKey}, named {@code <table>_<columns>_fkey}) with the relation's delete
 * behaviour as {@code ON DELETE}; the engine deletes or unlinks the referring rows itself before
 * a delete, and the database's action is the backstop for writes made outside Toasty. The primary key constraint is named {@code <table>_pkey} (when that fits
 * the dialect's identifier length) so that a violation can be traced back to the table. Before any
 * statement is written, every table, column and index name is checked against the dialect's
 * identifier limit: a name that is too long is an {@link InvalidModelException} naming it (some
 * backends would cut it silently).
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
    return dialect.identifierLength(name) <= dialect.maxIdentifierLength() ? name : null;
  }

  /**
   * CREATE TABLE for every table, each after the tables its foreign keys refer to
   * ({@link Schema#creationOrder()}), with its foreign keys; then CREATE INDEX for every index (or
   * the indexes inside CREATE TABLE, where the dialect places them there); then the foreign keys
   * that close a cycle of tables, added now that every table exists
   * ({@link #addForeignKey}).
   *
   * @throws InvalidModelException when a name is longer than the backend accepts, or a model
   *                               needs what the backend cannot declare
   */
  public List<String> create() {
    validate();
    CreationOrder order = schema.creationOrder();
    List<String> out = new ArrayList<>();
    for (String name : order.tables()) {
      TableSchema table = schema.table(name);
      out.add(createTable(table, inline(order, table)));
    }
    if (dialect.indexPlacement() == IndexPlacement.SEPARATE_IF_NOT_EXISTS) {
      for (String name : order.tables()) {
        TableSchema table = schema.table(name);
        for (TableIndex index : table.indexes()) {
          out.add(createIndex(table, index));
        }
      }
    }
    List<String> later = new ArrayList<>();
    for (String name : order.tables()) {
      TableSchema table = schema.table(name);
      for (TableForeignKey fk : table.foreignKeys()) {
        if (!inline(order, table).contains(fk)) {
          uniqueConstraint(fk).filter(u -> !out.contains(u)).ifPresent(out::add);
          later.add(addForeignKey(table, fk));
        }
      }
    }
    out.addAll(later);
    return out;
  }

  /**
   * Where the dialect refers only to constraints ({@link SqlDialect#foreignKeysNeedConstraint()}:
   * H2), the UNIQUE constraint over the unique index {@code fk} refers to, named as the index
   * (H2 takes the index for it); empty for a key referring to a primary key, or elsewhere.
   */
  public java.util.Optional<String> uniqueConstraint(TableForeignKey fk) {
    TableSchema referenced = schema.table(fk.referencedTable());
    if (!dialect.foreignKeysNeedConstraint()
        || fk.referencedColumns().equals(referenced.primaryKey())) {
      return java.util.Optional.empty();
    }
    for (TableIndex index : referenced.indexes()) {
      if (index.unique() && index.columns().equals(fk.referencedColumns())) {
        StringBuilder sql = new StringBuilder("ALTER TABLE ");
        ident(sql, referenced.name());
        sql.append(" ADD CONSTRAINT IF NOT EXISTS ");
        ident(sql, index.name());
        sql.append(" UNIQUE ");
        columns(sql, referenced, index.columns());
        return java.util.Optional.of(sql.toString());
      }
    }
    return java.util.Optional.empty();
  }

  /**
   * The foreign keys of {@code table} declared in its CREATE TABLE: all of them where the
   * dialect declares them there, else those that do not close a cycle and refer to a primary
   * key or to a unique index made with its table (a unique index made after the tables is
   * there only for the keys added after the indexes).
   */
  private List<TableForeignKey> inline(CreationOrder order, TableSchema table) {
    if (dialect.foreignKeyStyle() == ForeignKeyStyle.IN_CREATE_TABLE) {
      return table.foreignKeys();
    }
    return table.foreignKeys().stream()
        .filter(fk -> !order.isLater(new CreationOrder.Reference(table.name(), fk.name(),
            fk.referencedTable())))
        .filter(fk -> dialect.indexPlacement() == IndexPlacement.IN_CREATE_TABLE
            || fk.referencedColumns().equals(schema.table(fk.referencedTable()).primaryKey()))
        .toList();
  }

  /**
   * DROP TABLE for every table, those that refer to others first; where the dialect cannot drop
   * a table that another still refers to, the foreign keys closing a cycle are dropped first
   * (MariaDB), or checked only when the transaction ends (SQLite, whose DROP TABLE deletes the
   * rows first).
   */
  public List<String> drop() {
    CreationOrder order = schema.creationOrder();
    List<String> out = new ArrayList<>();
    if (dialect.foreignKeyStyle() == ForeignKeyStyle.IN_CREATE_TABLE && hasForeignKeys()) {
      out.add("PRAGMA defer_foreign_keys = ON");
    }
    if (dialect.foreignKeyStyle() == ForeignKeyStyle.ALTER_FOREIGN_KEY_IF_NOT_EXISTS) {
      for (String name : order.tables()) {
        TableSchema table = schema.table(name);
        for (TableForeignKey fk : table.foreignKeys()) {
          if (!inline(order, table).contains(fk)) {
            StringBuilder sql = new StringBuilder("ALTER TABLE IF EXISTS ");
            dialect.quoteIdentifier(sql, table.name());
            sql.append(" DROP FOREIGN KEY IF EXISTS ");
            dialect.quoteIdentifier(sql, fk.name());
            out.add(sql.toString());
          }
        }
      }
    }
    for (String name : order.dropOrder()) {
      StringBuilder sql = new StringBuilder("DROP TABLE IF EXISTS ");
      dialect.quoteIdentifier(sql, name);
      if (dialect.dropTableCascade()) {
        sql.append(" CASCADE");
      }
      out.add(sql.toString());
    }
    return out;
  }

  private boolean hasForeignKeys() {
    return schema.tables().stream().anyMatch(t -> !t.foreignKeys().isEmpty());
  }

  /** {@code CREATE TABLE IF NOT EXISTS ...} for one table, with all its foreign keys. */
  public String createTable(TableSchema table) {
    return createTable(table, table.foreignKeys());
  }

  /** {@code CREATE TABLE IF NOT EXISTS ...} for one table, declaring {@code foreignKeys}. */
  public String createTable(TableSchema table, List<TableForeignKey> foreignKeys) {
    StringBuilder sql = new StringBuilder("CREATE TABLE IF NOT EXISTS ");
    ident(sql, table.name());
    sql.append(" (");
    boolean keyInColumn = false;
    for (int i = 0; i < table.columns().size(); i++) {
      ColumnSchema column = table.column(i);
      if (i > 0) {
        sql.append(", ");
      }
      ident(sql, column.name());
      String type = dialect.columnType(column.type(), table.keyed(i));
      sql.append(' ');
      if (column.identity()) {
        switch (dialect.identityStyle()) {
          case GENERATED_BY_DEFAULT -> sql.append(type).append(" GENERATED BY DEFAULT AS IDENTITY");
          case AUTO_INCREMENT -> sql.append(type).append(" AUTO_INCREMENT");
          case INTEGER_PRIMARY_KEY_AUTOINCREMENT -> {
            sql.append("INTEGER PRIMARY KEY AUTOINCREMENT");
            keyInColumn = true;
          }
        }
      } else {
        sql.append(type);
      }
      if (!column.nullable() || column.identity() || table.primaryKey().contains(i)) {
        sql.append(" NOT NULL");
      }
      if (!column.identity() && dialect.widerThanType(column.type())) {
        rangeCheck(sql, table, column);
      }
    }
    if (!table.primaryKey().isEmpty() && !keyInColumn) {
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
    if (dialect.indexPlacement() == IndexPlacement.IN_CREATE_TABLE) {
      for (TableIndex index : table.indexes()) {
        sql.append(index.unique() ? ", UNIQUE KEY " : ", KEY ");
        ident(sql, index.name());
        sql.append(' ');
        columns(sql, table, index.columns());
      }
    }
    for (TableForeignKey fk : foreignKeys) {
      sql.append(", ");
      foreignKey(sql, table, fk);
    }
    sql.append(')').append(dialect.tableOptions());
    return sql.toString();
  }

  /**
   * {@code CONSTRAINT name FOREIGN KEY (cols) REFERENCES t (cols) ON DELETE ..}: checked at the
   * end of each statement (not deferrable), so that a violation fails the write that made it,
   * which names the model and field, rather than the COMMIT; the engine writes a record's
   * targets before it (nested creates) and deletes the records referring to a record before it.
   */
  private void foreignKey(StringBuilder sql, TableSchema table, TableForeignKey fk) {
    sql.append("CONSTRAINT ");
    ident(sql, fk.name());
    sql.append(" FOREIGN KEY ");
    columns(sql, table, fk.columns());
    sql.append(" REFERENCES ");
    TableSchema referenced = schema.table(fk.referencedTable());
    ident(sql, referenced.name());
    sql.append(' ');
    columns(sql, referenced, fk.referencedColumns());
    sql.append(" ON DELETE ").append(switch (fk.onDelete()) {
      case CASCADE -> "CASCADE";
      case SET_NULL -> "SET NULL";
      case RESTRICT -> dialect.restrictAction();
    });
  }

  /**
   * Adds {@code fk} to {@code table}, which exists: a foreign key that closes a cycle of tables.
   * Idempotent where the dialect allows it ({@link SqlDialect.ForeignKeyStyle}).
   */
  public String addForeignKey(TableSchema table, TableForeignKey fk) {
    StringBuilder sql = new StringBuilder("ALTER TABLE ");
    ident(sql, table.name());
    sql.append(" ADD ");
    StringBuilder constraint = new StringBuilder();
    foreignKey(constraint, table, fk);
    String text = constraint.toString();
    switch (dialect.foreignKeyStyle()) {
      case ALTER_CONSTRAINT_IF_NOT_EXISTS ->
          sql.append("CONSTRAINT IF NOT EXISTS").append(text.substring("CONSTRAINT".length()));
      case ALTER_FOREIGN_KEY_IF_NOT_EXISTS -> sql.append(text.replaceFirst(" FOREIGN KEY ",
          " FOREIGN KEY IF NOT EXISTS "));
      case ALTER, IN_CREATE_TABLE -> sql.append(text);
      case ALTER_IN_DO_BLOCK -> {
        return doBlock(sql.append(text));
      }
    }
    return sql.toString();
  }

  /**
   * {@code CONSTRAINT <table>_<column>_range CHECK (column BETWEEN min AND max)}: the integer
   * type's range on a column that holds more (unnamed where the name would be too long).
   */
  private void rangeCheck(StringBuilder sql, TableSchema table, ColumnSchema column) {
    String name = rangeCheckName(table.name(), column.name());
    if (dialect.identifierLength(name) <= dialect.maxIdentifierLength()) {
      sql.append(" CONSTRAINT ");
      ident(sql, name);
    }
    long[] range = integerRange(column.type());
    sql.append(" CHECK (");
    ident(sql, column.name());
    sql.append(" BETWEEN ").append(range[0]).append(" AND ").append(range[1]).append(')');
  }

  /**
   * The range CHECK of {@code column}, by its name, when the dialect stores the column's type in a
   * wider one and the name fits the identifier limit (an unnamed CHECK cannot be found again).
   */
  public java.util.Optional<String> rangeCheckOf(TableSchema table, ColumnSchema column) {
    String name = rangeCheckName(table.name(), column.name());
    return !column.identity() && dialect.widerThanType(column.type())
        && dialect.identifierLength(name) <= dialect.maxIdentifierLength()
        ? java.util.Optional.of(name) : java.util.Optional.empty();
  }

  /**
   * {@code ALTER TABLE t ADD CONSTRAINT <t>_<c>_range CHECK (..)}: adds a range CHECK; in a
   * {@code DO} block that ignores one already there where foreign keys are added so (PostgreSQL),
   * so that two pushes at once both succeed.
   */
  public String addRangeCheck(TableSchema table, ColumnSchema column) {
    StringBuilder sql = new StringBuilder("ALTER TABLE ");
    ident(sql, table.name());
    sql.append(" ADD");
    rangeCheck(sql, table, column);
    return dialect.foreignKeyStyle() == ForeignKeyStyle.ALTER_IN_DO_BLOCK ? doBlock(sql)
        : sql.toString();
  }

  /** {@code statement} run so that a constraint that exists already is no error (PostgreSQL). */
  private static String doBlock(CharSequence statement) {
    return "DO $$ BEGIN " + statement + "; EXCEPTION WHEN duplicate_object THEN NULL; END $$";
  }

  /**
   * The statements that rebuild {@code table} in its model's shape, keeping its rows, for a
   * backend that adds a CHECK or a foreign key to a table only with the table (SQLite): the
   * procedure of <a href="https://www.sqlite.org/lang_altertable.html#otheralter">SQLite's ALTER
   * TABLE page</a>. Foreign keys are off while the table is swapped, and checked before COMMIT.
   */
  public List<String> rebuild(TableSchema table) {
    StringBuilder fresh = new StringBuilder();
    ident(fresh, table.name() + "__rebuild");
    StringBuilder head = new StringBuilder("CREATE TABLE IF NOT EXISTS ");
    ident(head, table.name());
    String create = "CREATE TABLE " + fresh + createTable(table).substring(head.length());
    StringBuilder columns = new StringBuilder();
    for (int i = 0; i < table.columns().size(); i++) {
      columns.append(i > 0 ? ", " : "");
      ident(columns, table.column(i).name());
    }
    StringBuilder old = new StringBuilder();
    ident(old, table.name());
    List<String> out = new ArrayList<>(List.of("PRAGMA foreign_keys = OFF", "BEGIN", create,
        "INSERT INTO " + fresh + " (" + columns + ") SELECT " + columns + " FROM " + old,
        "DROP TABLE " + old, "ALTER TABLE " + fresh + " RENAME TO " + old));
    table.indexes().forEach(index -> out.add(createIndex(table, index)));
    out.addAll(List.of("PRAGMA foreign_key_check(" + old + ")",
        "COMMIT", "PRAGMA foreign_keys = ON"));
    return out;
  }

  /** The name of the range CHECK schema push gives {@code column} of {@code table}. */
  public static String rangeCheckName(String table, String column) {
    return table + "_" + column + "_range";
  }

  /** The least and greatest value of an integer type. */
  static long[] integerRange(Type type) {
    if (type == Type.Scalar.I8) {
      return new long[] {Byte.MIN_VALUE, Byte.MAX_VALUE};
    } else if (type == Type.Scalar.I16) {
      return new long[] {Short.MIN_VALUE, Short.MAX_VALUE};
    } else if (type == Type.Scalar.I32) {
      return new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
    } else if (type == Type.Scalar.I64) {
      return new long[] {Long.MIN_VALUE, Long.MAX_VALUE};
    }
    throw new IllegalArgumentException("no integer range for " + type);
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
    if (dialect.identifierLength(name) > dialect.maxIdentifierLength()) {
      throw tooLong(null, null, name, "identifier");
    }
    dialect.quoteIdentifier(sql, name);
  }

  // ---- validation ----------------------------------------------------------------------------

  /** Checks every name against the identifier limit, and identities against the dialect. */
  private void validate() {
    for (TableSchema table : schema.tables()) {
      ModelSchema model = modelOf(table);
      String modelName = model == null ? null : model.name();
      check(modelName, null, table.name(), "table name");
      for (int i = 0; i < table.columns().size(); i++) {
        ColumnSchema column = table.column(i);
        String field = fieldOf(model, i);
        check(modelName, field, column.name(), "column name");
        if (column.identity() && dialect.identityStyle()
            == IdentityStyle.INTEGER_PRIMARY_KEY_AUTOINCREMENT
            && !table.primaryKey().equals(List.of(i))) {
          throw new InvalidModelException(modelName, field, "[" + dialect.backend() + "] column "
              + column.name() + " of table " + table.name() + " is an identity but not the "
              + "table's only key column; " + dialect.backend() + " generates only an "
              + "INTEGER PRIMARY KEY");
        }
      }
      for (TableIndex index : table.indexes()) {
        String field = index.columns().size() == 1 ? fieldOf(model, index.columns().get(0)) : null;
        check(modelName, field, index.name(), "index name");
      }
      for (TableForeignKey fk : table.foreignKeys()) {
        check(fk.model(), fk.relation(), fk.name(), "foreign key name");
      }
    }
  }

  private void check(String model, String field, String name, String what) {
    if (dialect.identifierLength(name) > dialect.maxIdentifierLength()) {
      throw tooLong(model, field, name, what);
    }
  }

  private InvalidModelException tooLong(String model, String field, String name, String what) {
    return new InvalidModelException(model, field, "[" + dialect.backend() + "] " + what + " '"
        + name + "' is too long (" + dialect.identifierLength(name) + "); " + dialect.backend()
        + " accepts at most " + dialect.maxIdentifierLength() + ": shorten it with @Table, "
        + "@Column or @Index(name)");
  }

  private ModelSchema modelOf(TableSchema table) {
    for (ModelSchema model : schema.models()) {
      if (schema.mapping(model.name()).table().equals(table.name())) {
        return model;
      }
    }
    return null;
  }

  private String fieldOf(ModelSchema model, int column) {
    if (model == null) {
      return null;
    }
    ModelMapping mapping = schema.mapping(model.name());
    for (int f = 0; f < model.fields().size(); f++) {
      if (mapping.columnOf(f) == column) {
        return model.field(f).name();
      }
    }
    return null;
  }
}
