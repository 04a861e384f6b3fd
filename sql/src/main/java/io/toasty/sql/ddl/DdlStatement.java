package io.toasty.sql.ddl;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One DDL statement, as schema push and migrations both build it; {@link DdlRenderer} writes each
 * as one SQL statement in a dialect. Where a statement can be idempotent, {@code ifNotExists} (or
 * {@code ifExists}) says so: push runs against what may exist already, a migration against what
 * its history says exists.
 */
public sealed interface DdlStatement {

  /**
   * {@code CREATE TABLE [IF NOT EXISTS] name (columns, primary key[, indexes][, foreign keys])}:
   * the indexes inside it where the dialect places them there.
   *
   * @param name        the table to create: {@code table}'s name, or a rebuild's temporary name
   *                    (constraint names stay {@code table}'s)
   * @param foreignKeys the foreign keys declared in it
   */
  record TableCreation(String name, DdlTable table, List<DdlForeignKey> foreignKeys,
      boolean ifNotExists) implements DdlStatement {
    public TableCreation {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(table, "table");
      foreignKeys = List.copyOf(foreignKeys);
    }
  }

  /** {@code DROP TABLE [IF EXISTS] t}; with {@code IF EXISTS}, CASCADE where the dialect has it. */
  record TableDrop(String table, boolean ifExists) implements DdlStatement {}

  /** {@code ALTER TABLE from RENAME TO to}. */
  record TableRename(String from, String to) implements DdlStatement {}

  /**
   * {@code INSERT INTO to (columns) SELECT columns FROM from}, the column called {@code cast}
   * (if any) cast to its type in {@code table}.
   */
  record RowCopy(String from, String to, DdlTable table, @Nullable String cast)
      implements DdlStatement {}

  /** {@code ALTER TABLE t ADD COLUMN definition}. */
  record ColumnAddition(String table, DdlColumn column) implements DdlStatement {}

  /** {@code ALTER TABLE t DROP COLUMN c}. */
  record ColumnDrop(String table, String column) implements DdlStatement {}

  /** {@code ALTER TABLE t RENAME COLUMN from TO to}. */
  record ColumnRename(String table, String from, String to) implements DdlStatement {}

  /** A column's new definition, in the dialect's {@link AlterStyle} (not {@code REBUILD}). */
  record ColumnChange(String table, DdlColumn from, DdlColumn to) implements DdlStatement {}

  /**
   * {@code CREATE [UNIQUE] INDEX [IF NOT EXISTS] i ON t (..)}; where the dialect names the table
   * to drop an index, or columns change type with it ({@code retyped}: MariaDB's keyed VARCHAR),
   * {@code ALTER TABLE t [MODIFY COLUMN ..,] ADD [UNIQUE] INDEX i (..)}.
   */
  record IndexCreation(String table, DdlIndex index, boolean ifNotExists, List<DdlColumn> retyped)
      implements DdlStatement {
    public IndexCreation {
      retyped = List.copyOf(retyped);
    }

    /**
     * This creation, after the generated column of live rows it needs where {@code syntax} tells
     * live rows by one ({@link DdlSyntax#liveColumn}); else this creation alone.
     */
    public List<DdlStatement> withLiveColumn(DdlSyntax syntax) {
      LiveRows live = index.live();
      return live == null || !syntax.liveColumn(index) ? List.of(this)
          : List.of(new LiveColumnAddition(table, live), this);
    }
  }

  /**
   * {@code ALTER TABLE t ADD COLUMN IF NOT EXISTS toasty_live ..}: the generated column of live
   * rows ({@link LiveRows#generatedColumn}) before a unique index that holds it.
   */
  record LiveColumnAddition(String table, LiveRows live) implements DdlStatement {}

  /** {@code DROP INDEX i}, or {@code ALTER TABLE t DROP INDEX i[, MODIFY COLUMN ..]}. */
  record IndexDrop(String table, String index, List<DdlColumn> retyped) implements DdlStatement {
    public IndexDrop {
      retyped = List.copyOf(retyped);
    }
  }

  /**
   * {@code ALTER TABLE t [MODIFY COLUMN ..,] ADD CONSTRAINT .. FOREIGN KEY ..}; idempotent, as
   * the dialect allows, with {@code ifNotExists} ({@code DO} block on PostgreSQL).
   */
  record ForeignKeyAddition(String table, DdlForeignKey foreignKey, boolean ifNotExists,
      List<DdlColumn> retyped) implements DdlStatement {
    public ForeignKeyAddition {
      retyped = List.copyOf(retyped);
    }
  }

  /**
   * {@code ALTER TABLE t DROP FOREIGN KEY fk} (MySQL, MariaDB) or {@code DROP CONSTRAINT fk};
   * with {@code ifExists}, {@code ALTER TABLE IF EXISTS t DROP FOREIGN KEY IF EXISTS fk}.
   */
  record ForeignKeyDrop(String table, String name, boolean ifExists) implements DdlStatement {}

  /**
   * {@code ALTER TABLE t ADD CONSTRAINT IF NOT EXISTS name UNIQUE (..)}: the constraint a foreign
   * key to a unique index refers to where the dialect refers only to constraints (H2).
   */
  record UniqueAddition(String table, String name, List<String> columns)
      implements DdlStatement {
    public UniqueAddition {
      columns = List.copyOf(columns);
    }
  }

  /**
   * {@code ALTER TABLE t ADD CONSTRAINT <t>_<c>_range CHECK (..)}, in a {@code DO} block that
   * ignores one already there where the dialect adds constraints so (PostgreSQL).
   */
  record RangeCheckAddition(String table, DdlColumn column) implements DdlStatement {}

  /**
   * What every change trigger shares ({@link ChangeTriggerDdl.Shared}): the change log, or one
   * of the functions; created if missing or replaced, so push may run it again.
   */
  record ChangeFunction(ChangeTriggerDdl.Shared part) implements DdlStatement {
    public ChangeFunction {
      Objects.requireNonNull(part, "part");
    }
  }

  /**
   * The trigger that notifies the committed changes of {@code table}'s rows by the values of
   * {@code keyColumns} ({@link ChangeTriggerDdl}); dropped if there and created.
   */
  record ChangeTrigger(String table, List<String> keyColumns) implements DdlStatement {
    public ChangeTrigger {
      keyColumns = List.copyOf(keyColumns);
    }
  }

  /**
   * {@code DROP TRIGGER IF EXISTS} of {@code table}'s change trigger ({@link ChangeTriggerDdl}):
   * its changes no longer reported. The functions stay, for the other tables' triggers.
   */
  record ChangeTriggerDrop(String table) implements DdlStatement {}

  /** {@code PRAGMA text} (SQLite). */
  record Pragma(String text) implements DdlStatement {}

  /** {@code BEGIN}, or {@code COMMIT}: around a rebuild that push runs on its own. */
  record TransactionBoundary(boolean begin) implements DdlStatement {}
}
