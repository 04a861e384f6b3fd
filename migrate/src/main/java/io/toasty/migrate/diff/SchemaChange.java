package io.toasty.migrate.diff;

import io.toasty.migrate.snapshot.ColumnSnapshot;
import io.toasty.migrate.snapshot.ColumnTypes;
import io.toasty.migrate.snapshot.ForeignKeySnapshot;
import io.toasty.migrate.snapshot.IndexSnapshot;
import io.toasty.migrate.snapshot.TableSnapshot;

/**
 * One step of a migration, as plain data: what changes, with the definitions before and after,
 * so that each step has an inverse ({@link #inverse()}) and a renderer needs nothing else.
 */
public sealed interface SchemaChange {

  /** The table the step changes. */
  String table();

  /** The step that undoes this one. */
  SchemaChange inverse();

  /** Whether the step loses data that its inverse cannot bring back. */
  boolean destructive();

  /** One line for people: {@code add column users.nickname}. */
  String describe();

  /** Creates {@code definition} (with its indexes and foreign keys). */
  record CreateTable(TableSnapshot definition) implements SchemaChange {
    @Override public String table() { return definition.name(); }
    @Override public SchemaChange inverse() { return new DropTable(definition); }
    @Override public boolean destructive() { return false; }
    @Override public String describe() { return "create table " + definition.name(); }
  }

  /** Drops {@code definition}. */
  record DropTable(TableSnapshot definition) implements SchemaChange {
    @Override public String table() { return definition.name(); }
    @Override public SchemaChange inverse() { return new CreateTable(definition); }
    @Override public boolean destructive() { return true; }
    @Override public String describe() { return "drop table " + definition.name(); }
  }

  /** Adds {@code column}; {@code after} is the table with it, for dialects that rebuild. */
  record AddColumn(String table, ColumnSnapshot column, TableSnapshot before,
      TableSnapshot after) implements SchemaChange {
    @Override public SchemaChange inverse() { return new DropColumn(table, column, after, before); }
    @Override public boolean destructive() { return false; }
    @Override public String describe() { return "add column " + table + "." + column.name(); }
  }

  /** Drops {@code column}. */
  record DropColumn(String table, ColumnSnapshot column, TableSnapshot before,
      TableSnapshot after) implements SchemaChange {
    @Override public SchemaChange inverse() { return new AddColumn(table, column, after, before); }
    @Override public boolean destructive() { return true; }
    @Override public String describe() { return "drop column " + table + "." + column.name(); }
  }

  /** Renames column {@code from} to {@code to}, keeping its data. */
  record RenameColumn(String table, String from, String to, TableSnapshot before,
      TableSnapshot after) implements SchemaChange {
    @Override public SchemaChange inverse() { return new RenameColumn(table, to, from, after, before); }
    @Override public boolean destructive() { return false; }
    @Override public String describe() {
      return "rename column " + table + "." + from + " to " + to;
    }
  }

  /**
   * Changes a column's type, nullability or default from {@code from} to {@code to} (same
   * name); {@code before} and {@code after} are the whole table, for dialects that rebuild it.
   */
  record AlterColumn(String table, ColumnSnapshot from, ColumnSnapshot to, TableSnapshot before,
      TableSnapshot after) implements SchemaChange {
    @Override public SchemaChange inverse() { return new AlterColumn(table, to, from, after, before); }
    @Override public boolean destructive() {
      return !from.type().equals(to.type())
          && !ColumnTypes.widens(from.type(), to.type());
    }
    @Override public String describe() {
      return "alter column " + table + "." + to.name() + " (" + from.type()
          + (from.nullable() ? " NULL" : " NOT NULL") + " -> " + to.type()
          + (to.nullable() ? " NULL" : " NOT NULL") + ")";
    }
  }

  /** Creates {@code index} (unique or not); the table before and after, for column types. */
  record CreateIndex(String table, IndexSnapshot index, TableSnapshot before,
      TableSnapshot after) implements SchemaChange {
    @Override public SchemaChange inverse() { return new DropIndex(table, index, after, before); }
    @Override public boolean destructive() { return false; }
    @Override public String describe() {
      return "create " + (index.unique() ? "unique " : "") + "index " + index.name();
    }
  }

  /** Drops {@code index}; the table before and after, for column types. */
  record DropIndex(String table, IndexSnapshot index, TableSnapshot before,
      TableSnapshot after) implements SchemaChange {
    @Override public SchemaChange inverse() { return new CreateIndex(table, index, after, before); }
    @Override public boolean destructive() { return false; }
    @Override public String describe() {
      return "drop " + (index.unique() ? "unique " : "") + "index " + index.name();
    }
  }

  /**
   * Adds {@code foreignKey} to a table that exists (SQLite, which cannot, rebuilds the table as
   * {@code after}); rows already referring to nothing make the step fail, and nothing is added.
   */
  record AddForeignKey(String table, ForeignKeySnapshot foreignKey, TableSnapshot before,
      TableSnapshot after) implements SchemaChange {
    @Override public SchemaChange inverse() { return new DropForeignKey(table, foreignKey, after, before); }
    @Override public boolean destructive() { return false; }
    @Override public String describe() {
      return "add foreign key " + foreignKey.name() + " (" + table + " -> "
          + foreignKey.referencedTable() + ")";
    }
  }

  /** Drops {@code foreignKey} (SQLite rebuilds the table as {@code after}). */
  record DropForeignKey(String table, ForeignKeySnapshot foreignKey, TableSnapshot before,
      TableSnapshot after) implements SchemaChange {
    @Override public SchemaChange inverse() { return new AddForeignKey(table, foreignKey, after, before); }
    @Override public boolean destructive() { return false; }
    @Override public String describe() {
      return "drop foreign key " + foreignKey.name() + " (" + table + " -> "
          + foreignKey.referencedTable() + ")";
    }
  }

  /**
   * Makes the database report the committed changes of {@code definition}'s rows to change
   * streams ({@code @Model(changes = true)}), as schema push does: on PostgreSQL its change
   * trigger; where the backend reports changes otherwise, or not at all, nothing.
   */
  record FollowChanges(TableSnapshot definition) implements SchemaChange {
    @Override public String table() { return definition.name(); }
    @Override public SchemaChange inverse() { return new UnfollowChanges(definition); }
    @Override public boolean destructive() { return false; }
    @Override public String describe() { return "follow changes of " + definition.name(); }
  }

  /** Stops reporting the changes of {@code definition}'s rows ({@link FollowChanges} undone). */
  record UnfollowChanges(TableSnapshot definition) implements SchemaChange {
    @Override public String table() { return definition.name(); }
    @Override public SchemaChange inverse() { return new FollowChanges(definition); }
    @Override public boolean destructive() { return false; }
    @Override public String describe() {
      return "stop following changes of " + definition.name();
    }
  }
}
