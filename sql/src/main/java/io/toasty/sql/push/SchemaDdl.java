package io.toasty.sql.push;

import io.toasty.error.InvalidModelException;
import io.toasty.schema.Schema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.db.ColumnSchema;
import io.toasty.schema.db.CreationOrder;
import io.toasty.schema.db.TableForeignKey;
import io.toasty.schema.db.TableIndex;
import io.toasty.schema.db.TableSchema;
import io.toasty.schema.mapping.ModelMapping;
import io.toasty.sql.ddl.DdlNames;
import io.toasty.sql.ddl.DdlRenderer;
import io.toasty.sql.ddl.DdlStatement;
import io.toasty.sql.ddl.ChangeTriggerDdl;
import io.toasty.sql.ddl.DdlStatement.ForeignKeyAddition;
import io.toasty.sql.ddl.DdlStatement.ForeignKeyDrop;
import io.toasty.sql.ddl.DdlStatement.IndexCreation;
import io.toasty.sql.ddl.DdlStatement.Pragma;
import io.toasty.sql.ddl.DdlStatement.RangeCheckAddition;
import io.toasty.sql.ddl.DdlStatement.TableCreation;
import io.toasty.sql.ddl.DdlStatement.TableDrop;
import io.toasty.sql.ddl.DdlStatement.TransactionBoundary;
import io.toasty.sql.ddl.DdlStatement.UniqueAddition;
import io.toasty.sql.ddl.TableRebuild;
import io.toasty.sql.dialect.SqlDialect;
import io.toasty.sql.dialect.SqlDialect.ForeignKeyStyle;
import io.toasty.sql.dialect.SqlDialect.IdentityStyle;
import io.toasty.sql.dialect.SqlDialect.IndexPlacement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Schema push's DDL: the {@link DdlStatement}s that create and drop a schema's tables and
 * indexes, in the order to run them, written by the dialect's {@link DdlRenderer} (the renderer
 * migrations use too).
 *
 * <p>Every statement is idempotent ({@code IF NOT EXISTS} / {@code IF EXISTS}), so a push creates
 * only what is missing (a table that exists keeps what it has: its foreign keys are those it was
 * created with). Each belongs-to relation whose key is checked is a {@code FOREIGN KEY}
 * ({@link TableForeignKey}, named {@code <table>_<columns>_fkey}) with the relation's delete
 * behaviour as {@code ON DELETE}; the engine deletes or unlinks the referring rows itself before
 * a delete, and the database's action is the backstop for writes made outside Toasty. The
 * primary key constraint is named {@code <table>_pkey} (when that fits the dialect's identifier
 * length) so that a violation can be traced back to the table. Before any statement is written,
 * every table, column and index name is checked against the dialect's identifier limit: a name
 * that is too long is an {@link InvalidModelException} naming it (some backends would cut it
 * silently).
 */
public final class SchemaDdl {
  private final SqlDialect dialect;
  private final Schema schema;
  private final SchemaTables tables;
  private final DdlRenderer renderer;

  public SchemaDdl(SqlDialect dialect, Schema schema) {
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    this.schema = Objects.requireNonNull(schema, "schema");
    this.tables = new SchemaTables(schema);
    this.renderer = new DdlRenderer(dialect);
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
    return renderer.render(createStatements());
  }

  /** The statements of {@link #create()}, before they are written. */
  public List<DdlStatement> createStatements() {
    validate();
    CreationOrder order = schema.creationOrder();
    List<DdlStatement> out = new ArrayList<>();
    for (String name : order.tables()) {
      TableSchema table = schema.table(name);
      out.add(new TableCreation(table.name(), tables.table(table),
          tables.foreignKeys(table, inline(order, table)), true));
    }
    if (dialect.indexPlacement() == IndexPlacement.SEPARATE_IF_NOT_EXISTS) {
      for (String name : order.tables()) {
        TableSchema table = schema.table(name);
        for (TableIndex index : table.indexes()) {
          out.addAll(new IndexCreation(table.name(), tables.index(table, index), true, List.of())
              .withLiveColumn(renderer.syntax()));
        }
      }
    }
    List<DdlStatement> later = new ArrayList<>();
    for (String name : order.tables()) {
      TableSchema table = schema.table(name);
      for (TableForeignKey fk : table.foreignKeys()) {
        if (!inline(order, table).contains(fk)) {
          uniqueStatement(fk).filter(u -> !out.contains(u)).ifPresent(out::add);
          later.add(new ForeignKeyAddition(table.name(), tables.foreignKey(table, fk), true,
              List.of()));
        }
      }
    }
    out.addAll(later);
    out.addAll(changeTriggers());
    return out;
  }

  /**
   * Where the backend has change streams, the functions and a trigger per table of a model with
   * {@code @Model(changes = true)} ({@link ChangeTriggerDdl}); else none.
   */
  private List<DdlStatement> changeTriggers() {
    List<DdlStatement> out = new ArrayList<>();
    for (ModelSchema model : schema.models()) {
      if (model.changes()) {
        out.addAll(ChangeTriggerDdl.follow(dialect, model.tableName(),
            model.primaryKey().stream().map(i -> model.field(i).columnName()).toList(),
            out.isEmpty()));
      }
    }
    return out;
  }

  /**
   * Where the dialect refers only to constraints ({@link SqlDialect#foreignKeysNeedConstraint()}:
   * H2), the UNIQUE constraint over the unique index {@code fk} refers to, named as the index
   * (H2 takes the index for it); empty for a key referring to a primary key, or elsewhere.
   */
  public Optional<String> uniqueConstraint(TableForeignKey fk) {
    return uniqueStatement(fk).map(renderer::render);
  }

  private Optional<DdlStatement> uniqueStatement(TableForeignKey fk) {
    TableSchema referenced = schema.table(fk.referencedTable());
    if (!dialect.foreignKeysNeedConstraint()
        || fk.referencedColumns().equals(referenced.primaryKey())) {
      return Optional.empty();
    }
    for (TableIndex index : referenced.indexes()) {
      if (index.unique() && index.columns().equals(fk.referencedColumns())) {
        return Optional.of(new UniqueAddition(referenced.name(), index.name(),
            tables.index(referenced, index).columns()));
      }
    }
    return Optional.empty();
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
    List<DdlStatement> out = new ArrayList<>();
    if (dialect.foreignKeyStyle() == ForeignKeyStyle.IN_CREATE_TABLE && hasForeignKeys()) {
      out.add(new Pragma("defer_foreign_keys = ON"));
    }
    if (dialect.foreignKeyStyle() == ForeignKeyStyle.ALTER_FOREIGN_KEY_IF_NOT_EXISTS) {
      for (String name : order.tables()) {
        TableSchema table = schema.table(name);
        for (TableForeignKey fk : table.foreignKeys()) {
          if (!inline(order, table).contains(fk)) {
            out.add(new ForeignKeyDrop(table.name(), fk.name(), true));
          }
        }
      }
    }
    for (String name : order.dropOrder()) {
      out.add(new TableDrop(name, true));
    }
    return renderer.render(out);
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
    return renderer.render(new TableCreation(table.name(), tables.table(table),
        tables.foreignKeys(table, foreignKeys), true));
  }

  /**
   * Adds {@code fk} to {@code table}, which exists: a foreign key that closes a cycle of tables.
   * Idempotent where the dialect allows it ({@link SqlDialect.ForeignKeyStyle}).
   */
  public String addForeignKey(TableSchema table, TableForeignKey fk) {
    return renderer.render(new ForeignKeyAddition(table.name(), tables.foreignKey(table, fk),
        true, List.of()));
  }

  /**
   * The range CHECK of {@code column}, by its name, when the dialect stores the column's type in a
   * wider one and the name fits the identifier limit (an unnamed CHECK cannot be found again).
   */
  public Optional<String> rangeCheckOf(TableSchema table, ColumnSchema column) {
    String name = DdlNames.rangeCheckName(table.name(), column.name());
    return !column.identity() && dialect.widerThanType(column.type())
        && DdlNames.fits(dialect, name) ? Optional.of(name) : Optional.empty();
  }

  /**
   * {@code ALTER TABLE t ADD CONSTRAINT <t>_<c>_range CHECK (..)}: adds a range CHECK; in a
   * {@code DO} block that ignores one already there where foreign keys are added so (PostgreSQL),
   * so that two pushes at once both succeed.
   */
  public String addRangeCheck(TableSchema table, ColumnSchema column) {
    return renderer.render(new RangeCheckAddition(table.name(),
        tables.column(table, table.columns().indexOf(column))));
  }

  /**
   * The statements that rebuild {@code table} in its model's shape, keeping its rows, for a
   * backend that adds a CHECK or a foreign key to a table only with the table (SQLite):
   * {@link TableRebuild}, with foreign keys off while the table is swapped, and checked before
   * COMMIT.
   */
  public List<String> rebuild(TableSchema table) {
    List<DdlStatement> out = new ArrayList<>(List.of(new Pragma("foreign_keys = OFF"),
        new TransactionBoundary(true)));
    out.addAll(TableRebuild.of(tables.table(table),
        tables.foreignKeys(table, table.foreignKeys()), table.name() + "__rebuild", null, true));
    StringBuilder old = new StringBuilder();
    dialect.quoteIdentifier(old, table.name());
    out.addAll(List.of(new Pragma("foreign_key_check(" + old + ")"),
        new TransactionBoundary(false), new Pragma("foreign_keys = ON")));
    return renderer.render(out);
  }

  /**
   * {@code CREATE [UNIQUE] INDEX IF NOT EXISTS ...} for one index, after the generated column of
   * live rows where it holds one ({@link IndexCreation#withLiveColumn}).
   */
  public List<String> createIndex(TableSchema table, TableIndex index) {
    return renderer.render(new IndexCreation(table.name(), tables.index(table, index), true,
        List.of()).withLiveColumn(renderer.syntax()));
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

  private void check(@Nullable String model, @Nullable String field, String name,
      String what) {
    if (dialect.identifierLength(name) > dialect.maxIdentifierLength()) {
      throw tooLong(model, field, name, what);
    }
  }

  private InvalidModelException tooLong(@Nullable String model, @Nullable String field,
      String name, String what) {
    return DdlNames.tooLong(dialect, model, field, name, what);
  }

  private @Nullable ModelSchema modelOf(TableSchema table) {
    for (ModelSchema model : schema.models()) {
      if (schema.mapping(model.name()).table().equals(table.name())) {
        return model;
      }
    }
    return null;
  }

  private @Nullable String fieldOf(@Nullable ModelSchema model, int column) {
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
