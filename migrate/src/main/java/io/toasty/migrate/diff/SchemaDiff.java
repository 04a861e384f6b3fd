package io.toasty.migrate.diff;

import io.toasty.migrate.DestructiveChangeException;
import io.toasty.migrate.MigrationException;
import io.toasty.migrate.snapshot.ColumnSnapshot;
import io.toasty.migrate.snapshot.IndexSnapshot;
import io.toasty.migrate.snapshot.SchemaSnapshot;
import io.toasty.migrate.snapshot.TableSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The steps from one snapshot to the next, as plain {@link Change} records in the order to run
 * them: new tables; then per changed table its dropped indexes, declared renames, added, altered
 * and dropped columns, and new indexes; then dropped tables. A column whose field declares
 * {@code renamedFrom} an existing column is renamed; any other missing column is dropped (renames
 * are never guessed). Destructive steps are refused unless allowed.
 */
public final class SchemaDiff {
  private SchemaDiff() {}

  /**
   * The steps from {@code from} to {@code to}.
   *
   * @throws DestructiveChangeException when a step loses data and {@code allowDestructive} is
   *     false
   * @throws MigrationException when a change has no migration (a changed primary key, a required
   *     column added without a default)
   */
  public static List<Change> between(SchemaSnapshot from, SchemaSnapshot to,
      boolean allowDestructive) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    List<Change> up = new ArrayList<>();
    for (TableSnapshot table : to.tables()) {
      Optional<TableSnapshot> old = from.table(table.name());
      if (old.isEmpty()) {
        up.add(new Change.CreateTable(spent(table)));
      } else {
        new TableDiff(old.get(), table, up).run();
      }
    }
    for (TableSnapshot table : from.tables()) {
      if (to.table(table.name()).isEmpty()) {
        up.add(new Change.DropTable(table));
      }
    }
    List<String> destructive = up.stream().filter(Change::destructive).map(Change::describe)
        .toList();
    if (!allowDestructive && !destructive.isEmpty()) {
      throw new DestructiveChangeException(destructive);
    }
    return List.copyOf(up);
  }

  /** The steps that undo {@code up}: each step's inverse, last step first. */
  public static List<Change> down(List<Change> up) {
    List<Change> down = new ArrayList<>();
    for (int i = up.size() - 1; i >= 0; i--) {
      down.add(up.get(i).inverse());
    }
    return List.copyOf(down);
  }

  /** {@code table} with its columns' rename declarations spent (its state, not its history). */
  static TableSnapshot spent(TableSnapshot table) {
    return new TableSnapshot(table.name(), table.model(),
        table.columns().stream().map(c -> c.named(c.name())).toList(), table.primaryKey(),
        table.indexes());
  }

  /** The steps of one table present on both sides; tracks the table as each step leaves it. */
  private static final class TableDiff {
    private final TableSnapshot to;
    private final List<Change> out;
    private TableSnapshot current;

    TableDiff(TableSnapshot from, TableSnapshot to, List<Change> out) {
      this.current = spent(from);
      this.to = to;
      this.out = out;
    }

    void run() {
      if (!current.primaryKey().equals(to.primaryKey())) {
        throw new MigrationException(to.name(), null, "table " + to.name() + ": the primary key "
            + "changes from " + current.primaryKey() + " to " + to.primaryKey() + "; a generated "
            + "migration cannot change a key: create a new model and copy the data");
      }
      for (IndexSnapshot index : current.indexes()) {
        if (!to.indexes().contains(index)) {
          TableSnapshot after = withIndexes(current, without(index));
          step(new Change.DropIndex(to.name(), index, current, after), after);
        }
      }
      for (ColumnSnapshot column : to.columns()) {
        String previous = column.renamedFrom();
        if (previous != null && current.column(column.name()).isEmpty()
            && current.column(previous).isPresent()) {
          TableSnapshot after = replaceColumn(current, previous,
              current.column(previous).get().named(column.name()));
          step(new Change.RenameColumn(to.name(), previous, column.name(), current, after), after);
        }
      }
      for (ColumnSnapshot column : to.columns()) {
        if (current.column(column.name()).isEmpty()) {
          requireFill(column);
          TableSnapshot after = addColumn(current, column.named(column.name()));
          step(new Change.AddColumn(to.name(), column.named(column.name()), current, after),
              after);
        }
      }
      for (ColumnSnapshot column : to.columns()) {
        ColumnSnapshot was = current.column(column.name()).orElseThrow();
        if (!was.sameDefinition(column)) {
          ColumnSnapshot now = column.named(column.name());
          TableSnapshot after = replaceColumn(current, was.name(), now);
          step(new Change.AlterColumn(to.name(), was, now, current, after), after);
        }
      }
      for (ColumnSnapshot column : List.copyOf(current.columns())) {
        if (to.column(column.name()).isEmpty()) {
          TableSnapshot after = dropColumn(current, column.name());
          step(new Change.DropColumn(to.name(), column, current, after), after);
        }
      }
      for (IndexSnapshot index : to.indexes()) {
        if (!current.indexes().contains(index)) {
          List<IndexSnapshot> indexes = new ArrayList<>(current.indexes());
          indexes.add(index);
          TableSnapshot after = withIndexes(current, indexes);
          step(new Change.CreateIndex(to.name(), index, current, after), after);
        }
      }
    }

    private void step(Change change, TableSnapshot after) {
      out.add(change);
      current = after;
    }

    private List<IndexSnapshot> without(IndexSnapshot index) {
      List<IndexSnapshot> rest = new ArrayList<>(current.indexes());
      rest.remove(index);
      return rest;
    }

    /** A column added to a table with rows needs a value for them: NULL or its default. */
    private void requireFill(ColumnSnapshot column) {
      if (!column.nullable() && column.defaultValue() == null && !column.identity()) {
        throw new MigrationException(to.name(), column.name(), "column " + to.name() + "."
            + column.name() + " (field " + column.field() + ") is added as NOT NULL without a "
            + "default the database can hold, so existing rows would have no value: give the "
            + "field a @Default, make it Optional, or declare @Column(renamedFrom = ..)");
      }
    }
  }

  private static TableSnapshot withIndexes(TableSnapshot t, List<IndexSnapshot> indexes) {
    return new TableSnapshot(t.name(), t.model(), t.columns(), t.primaryKey(), indexes);
  }

  private static TableSnapshot addColumn(TableSnapshot t, ColumnSnapshot column) {
    List<ColumnSnapshot> columns = new ArrayList<>(t.columns());
    columns.add(column);
    return new TableSnapshot(t.name(), t.model(), columns, t.primaryKey(), t.indexes());
  }

  private static TableSnapshot dropColumn(TableSnapshot t, String column) {
    List<ColumnSnapshot> columns = new ArrayList<>(t.columns());
    columns.removeIf(c -> c.name().equals(column));
    return new TableSnapshot(t.name(), t.model(), columns, t.primaryKey(), t.indexes());
  }

  private static TableSnapshot replaceColumn(TableSnapshot t, String column,
      ColumnSnapshot replacement) {
    List<ColumnSnapshot> columns = new ArrayList<>();
    for (ColumnSnapshot c : t.columns()) {
      columns.add(c.name().equals(column) ? replacement : c);
    }
    List<IndexSnapshot> indexes = t.indexes().stream().map(ix -> new IndexSnapshot(ix.name(),
        ix.columns().stream().map(c -> c.equals(column) ? replacement.name() : c).toList(),
        ix.unique())).toList();
    List<String> key = t.primaryKey().stream()
        .map(c -> c.equals(column) ? replacement.name() : c).toList();
    return new TableSnapshot(t.name(), t.model(), columns, key, indexes);
  }
}
