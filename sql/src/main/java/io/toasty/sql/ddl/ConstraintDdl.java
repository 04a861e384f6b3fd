package io.toasty.sql.ddl;

import io.toasty.sql.dialect.SqlDialect;
import io.toasty.sql.dialect.SqlDialect.ForeignKeyStyle;
import java.util.ArrayList;
import java.util.List;

/** Primary keys, foreign keys and range CHECKs, in CREATE TABLE and added to a table. */
final class ConstraintDdl {
  private final SqlDialect dialect;
  private final DdlText text;
  private final ColumnDdl columns;

  ConstraintDdl(SqlDialect dialect, DdlText text, ColumnDdl columns) {
    this.dialect = dialect;
    this.text = text;
    this.columns = columns;
  }

  /** {@code [CONSTRAINT <table>_pkey] PRIMARY KEY (..)}: named where the name fits. */
  String primaryKey(DdlTable table) {
    String name = DdlNames.primaryKeyName(dialect, table.name());
    return (name == null ? "" : "CONSTRAINT " + text.q(name) + " ") + "PRIMARY KEY "
        + text.columns(table.primaryKey());
  }

  /**
   * {@code CONSTRAINT name FOREIGN KEY (cols) REFERENCES t (cols) ON DELETE ..}: checked at the
   * end of each statement (not deferrable), so that a violation fails the write that made it,
   * which names the model and field, rather than the COMMIT; the engine writes a record's
   * targets before it (nested creates) and deletes the records referring to a record before it.
   */
  String foreignKey(DdlForeignKey fk) {
    return "CONSTRAINT " + text.q(fk.name()) + " FOREIGN KEY " + text.columns(fk.columns())
        + " REFERENCES " + text.q(fk.referencedTable()) + " "
        + text.columns(fk.referencedColumns()) + " ON DELETE " + switch (fk.onDelete()) {
          case CASCADE -> "CASCADE";
          case SET_NULL -> "SET NULL";
          case RESTRICT -> dialect.restrictAction();
        };
  }

  /**
   * {@code ALTER TABLE t [MODIFY COLUMN ..,] ADD CONSTRAINT ..}; with {@code ifNotExists}, as
   * idempotent as the dialect allows ({@link ForeignKeyStyle}): a push that finds the key there
   * already, or two pushes at once, succeed.
   */
  String addForeignKey(String table, DdlForeignKey fk, boolean ifNotExists,
      List<String> modified) {
    String constraint = foreignKey(fk);
    String alter = "ALTER TABLE " + text.q(table) + " ";
    if (!ifNotExists) {
      List<String> actions = new ArrayList<>(modified);
      actions.add("ADD " + constraint);
      return alter + String.join(", ", actions);
    }
    return switch (dialect.foreignKeyStyle()) {
      case ALTER_CONSTRAINT_IF_NOT_EXISTS -> alter + "ADD CONSTRAINT IF NOT EXISTS"
          + constraint.substring("CONSTRAINT".length());
      case ALTER_FOREIGN_KEY_IF_NOT_EXISTS -> alter + "ADD "
          + constraint.replaceFirst(" FOREIGN KEY ", " FOREIGN KEY IF NOT EXISTS ");
      case ALTER, IN_CREATE_TABLE -> alter + "ADD " + constraint;
      case ALTER_IN_DO_BLOCK -> doBlock(alter + "ADD " + constraint);
    };
  }

  /**
   * {@code ALTER TABLE t DROP FOREIGN KEY fk} where the dialect says so (MySQL, MariaDB), else
   * {@code DROP CONSTRAINT fk}; with {@code ifExists}, on the table and key if they exist.
   */
  String dropForeignKey(String table, String name, boolean ifExists) {
    if (ifExists) {
      return "ALTER TABLE IF EXISTS " + text.q(table) + " DROP FOREIGN KEY IF EXISTS "
          + text.q(name);
    }
    boolean mysql = dialect.foreignKeyStyle() == ForeignKeyStyle.ALTER
        || dialect.foreignKeyStyle() == ForeignKeyStyle.ALTER_FOREIGN_KEY_IF_NOT_EXISTS;
    return "ALTER TABLE " + text.q(table) + (mysql ? " DROP FOREIGN KEY " : " DROP CONSTRAINT ")
        + text.q(name);
  }

  /**
   * {@code ALTER TABLE t ADD CONSTRAINT <t>_<c>_range CHECK (..)}; in a {@code DO} block that
   * ignores one already there where foreign keys are added so (PostgreSQL), so that two pushes
   * at once both succeed.
   */
  String addRangeCheck(String table, DdlColumn column) {
    String sql = "ALTER TABLE " + text.q(table) + " ADD" + columns.rangeCheck(table, column);
    return dialect.foreignKeyStyle() == ForeignKeyStyle.ALTER_IN_DO_BLOCK ? doBlock(sql) : sql;
  }

  /** {@code statement} run so that a constraint that exists already is no error (PostgreSQL). */
  private static String doBlock(CharSequence statement) {
    return "DO $$ BEGIN " + statement + "; EXCEPTION WHEN duplicate_object THEN NULL; END $$";
  }
}
