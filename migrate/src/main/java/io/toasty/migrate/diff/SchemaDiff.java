package io.toasty.migrate.diff;

import io.toasty.migrate.DestructiveChangeException;
import io.toasty.migrate.MigrationException;
import io.toasty.migrate.snapshot.ColumnSnapshot;
import io.toasty.migrate.snapshot.ForeignKeySnapshot;
import io.toasty.migrate.snapshot.IndexSnapshot;
import io.toasty.migrate.snapshot.SchemaSnapshot;
import io.toasty.migrate.snapshot.TableSnapshot;
import io.toasty.schema.db.CreationOrder;
import io.toasty.sql.ddl.LiveRows;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The steps from one snapshot to the next, as plain {@link SchemaChange} records in the order to run
 * them: foreign keys that go or change are dropped first; then new tables, each after the tables
 * it refers to, with its foreign keys to primary keys; then per changed table its dropped indexes,
 * declared renames, added, altered and dropped columns, and new indexes; then the foreign keys
 * that are new (on existing tables, to unique indexes, or closing a cycle of new tables); then
 * the tables whose changes are followed from now on ({@link SchemaChange.FollowChanges}: new ones, or
 * kept ones whose model opts in) and no longer followed; then dropped tables, those referring to
 * others first, each followed one no longer followed first (so that the inverse, which creates
 * the table again, follows it again). A column whose field declares
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
  public static List<SchemaChange> between(SchemaSnapshot from, SchemaSnapshot to,
      boolean allowDestructive) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Map<String, TableSnapshot> state = new LinkedHashMap<>();
    from.tables().forEach(t -> state.put(t.name(), spent(t)));
    List<SchemaChange> up = new ArrayList<>();
    List<TableSnapshot> kept = to.tables().stream()
        .filter(t -> from.table(t.name()).isPresent()).toList();
    List<TableSnapshot> created = to.tables().stream()
        .filter(t -> from.table(t.name()).isEmpty()).toList();
    List<TableSnapshot> dropped = from.tables().stream()
        .filter(t -> to.table(t.name()).isEmpty()).toList();
    for (TableSnapshot table : kept) {
      for (ForeignKeySnapshot fk : current(state, table.name()).foreignKeys()) {
        if (!table.foreignKeys().contains(fk)) {
          dropForeignKey(up, state, table.name(), fk);
        }
      }
    }
    CreationOrder drops = order(dropped);
    for (TableSnapshot table : dropped) {
      for (ForeignKeySnapshot fk : table.foreignKeys()) {
        if (drops.isLater(reference(table.name(), fk))) {
          dropForeignKey(up, state, table.name(), fk);
        }
      }
    }
    CreationOrder creates = order(created);
    List<Map.Entry<String, ForeignKeySnapshot>> later = new ArrayList<>();
    for (String name : creates.tables()) {
      TableSnapshot table = spent(to.table(name).orElseThrow());
      List<ForeignKeySnapshot> inline = new ArrayList<>();
      for (ForeignKeySnapshot fk : table.foreignKeys()) {
        if (fk.referencedIndex() == null && !creates.isLater(reference(name, fk))) {
          inline.add(fk);
        } else {
          later.add(Map.entry(name, fk));
        }
      }
      TableSnapshot definition = table.withForeignKeys(inline).withChanges(false);
      up.add(new SchemaChange.CreateTable(definition));
      state.put(name, definition);
    }
    for (TableSnapshot table : kept) {
      TableDiff diff = new TableDiff(current(state, table.name()), table, up);
      diff.run();
      state.put(table.name(), diff.current);
      for (ForeignKeySnapshot fk : table.foreignKeys()) {
        if (!diff.current.foreignKeys().contains(fk)) {
          later.add(Map.entry(table.name(), fk));
        }
      }
    }
    for (Map.Entry<String, ForeignKeySnapshot> e : later) {
      TableSnapshot before = current(state, e.getKey());
      List<ForeignKeySnapshot> keys = new ArrayList<>(before.foreignKeys());
      keys.add(e.getValue());
      TableSnapshot after = before.withForeignKeys(keys);
      up.add(new SchemaChange.AddForeignKey(e.getKey(), e.getValue(), before, after));
      state.put(e.getKey(), after);
    }
    for (TableSnapshot table : to.tables()) {
      TableSnapshot now = current(state, table.name());
      if (table.changes() != now.changes()) {
        TableSnapshot after = now.withChanges(table.changes());
        up.add(table.changes() ? new SchemaChange.FollowChanges(after)
            : new SchemaChange.UnfollowChanges(now));
        state.put(table.name(), after);
      }
    }
    for (String name : drops.dropOrder()) {
      TableSnapshot table = current(state, name);
      if (table.changes()) {
        up.add(new SchemaChange.UnfollowChanges(table));
        table = table.withChanges(false);
      }
      up.add(new SchemaChange.DropTable(table));
    }
    List<String> destructive = up.stream().filter(SchemaChange::destructive).map(SchemaChange::describe)
        .toList();
    if (!allowDestructive && !destructive.isEmpty()) {
      throw new DestructiveChangeException(destructive);
    }
    return List.copyOf(up);
  }

  private static void dropForeignKey(List<SchemaChange> up, Map<String, TableSnapshot> state,
      String table, ForeignKeySnapshot fk) {
    TableSnapshot before = current(state, table);
    List<ForeignKeySnapshot> rest = new ArrayList<>(before.foreignKeys());
    rest.remove(fk);
    TableSnapshot after = before.withForeignKeys(rest);
    up.add(new SchemaChange.DropForeignKey(table, fk, before, after));
    state.put(table, after);
  }

  /** {@code table} as the steps so far leave it: the state holds every table of both sides. */
  private static TableSnapshot current(Map<String, TableSnapshot> state, String table) {
    return Objects.requireNonNull(state.get(table), () -> "no state for table " + table);
  }

  /** The order to create (or, reversed, drop) {@code tables} in, by their foreign keys. */
  private static CreationOrder order(List<TableSnapshot> tables) {
    List<CreationOrder.Reference> references = new ArrayList<>();
    for (TableSnapshot t : tables) {
      t.foreignKeys().forEach(fk -> references.add(reference(t.name(), fk)));
    }
    return CreationOrder.of(tables.stream().map(TableSnapshot::name).toList(), references);
  }

  private static CreationOrder.Reference reference(String table, ForeignKeySnapshot fk) {
    return new CreationOrder.Reference(table, fk.name(), fk.referencedTable());
  }

  /** The steps that undo {@code up}: each step's inverse, last step first. */
  public static List<SchemaChange> down(List<SchemaChange> up) {
    List<SchemaChange> down = new ArrayList<>();
    for (int i = up.size() - 1; i >= 0; i--) {
      down.add(up.get(i).inverse());
    }
    return List.copyOf(down);
  }

  /** {@code table} with its columns' rename declarations spent (its state, not its history). */
  static TableSnapshot spent(TableSnapshot table) {
    return table.withColumns(table.columns().stream().map(c -> c.named(c.name())).toList(),
        table.primaryKey());
  }

  /** The steps of one table present on both sides; tracks the table as each step leaves it. */
  private static final class TableDiff {
    private final TableSnapshot to;
    private final List<SchemaChange> out;
    /** The table as the steps so far leave it; its foreign keys are changed apart. */
    TableSnapshot current;

    TableDiff(TableSnapshot from, TableSnapshot to, List<SchemaChange> out) {
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
          step(new SchemaChange.DropIndex(to.name(), index, current, after), after);
        }
      }
      for (ColumnSnapshot column : to.columns()) {
        String previous = column.renamedFrom();
        if (previous != null && current.column(column.name()).isEmpty()
            && current.column(previous).isPresent()) {
          TableSnapshot after = replaceColumn(current, previous,
              current.column(previous).get().named(column.name()));
          step(new SchemaChange.RenameColumn(to.name(), previous, column.name(), current, after), after);
        }
      }
      for (ColumnSnapshot column : to.columns()) {
        if (current.column(column.name()).isEmpty()) {
          requireFill(column);
          TableSnapshot after = addColumn(current, column.named(column.name()));
          step(new SchemaChange.AddColumn(to.name(), column.named(column.name()), current, after),
              after);
        }
      }
      for (ColumnSnapshot column : to.columns()) {
        ColumnSnapshot was = current.column(column.name()).orElseThrow();
        if (!was.sameDefinition(column)) {
          ColumnSnapshot now = column.named(column.name());
          TableSnapshot after = replaceColumn(current, was.name(), now);
          step(new SchemaChange.AlterColumn(to.name(), was, now, current, after), after);
        }
      }
      for (ColumnSnapshot column : List.copyOf(current.columns())) {
        if (to.column(column.name()).isEmpty()) {
          TableSnapshot after = dropColumn(current, column.name());
          step(new SchemaChange.DropColumn(to.name(), column, current, after), after);
        }
      }
      for (IndexSnapshot index : to.indexes()) {
        if (!current.indexes().contains(index)) {
          List<IndexSnapshot> indexes = new ArrayList<>(current.indexes());
          indexes.add(index);
          TableSnapshot after = withIndexes(current, indexes);
          step(new SchemaChange.CreateIndex(to.name(), index, current, after), after);
        }
      }
    }

    private void step(SchemaChange change, TableSnapshot after) {
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
    return t.withIndexes(indexes);
  }

  private static TableSnapshot addColumn(TableSnapshot t, ColumnSnapshot column) {
    List<ColumnSnapshot> columns = new ArrayList<>(t.columns());
    columns.add(column);
    return t.withColumns(columns, t.primaryKey());
  }

  private static TableSnapshot dropColumn(TableSnapshot t, String column) {
    List<ColumnSnapshot> columns = new ArrayList<>(t.columns());
    columns.removeIf(c -> c.name().equals(column));
    return t.withColumns(columns, t.primaryKey());
  }

  /** {@code live} with its marker column renamed when it is {@code column}. */
  private static @Nullable LiveRows renamed(@Nullable LiveRows live, String column,
      String to) {
    return live == null || !live.column().equals(column) ? live : new LiveRows(to, live.flag());
  }

  private static TableSnapshot replaceColumn(TableSnapshot t, String column,
      ColumnSnapshot replacement) {
    List<ColumnSnapshot> columns = new ArrayList<>();
    for (ColumnSnapshot c : t.columns()) {
      columns.add(c.name().equals(column) ? replacement : c);
    }
    List<IndexSnapshot> indexes = t.indexes().stream().map(ix -> new IndexSnapshot(ix.name(),
        ix.columns().stream().map(c -> c.equals(column) ? replacement.name() : c).toList(),
        ix.unique(), renamed(ix.live(), column, replacement.name()), ix.liveColumn())).toList();
    List<String> key = t.primaryKey().stream()
        .map(c -> c.equals(column) ? replacement.name() : c).toList();
    return new TableSnapshot(t.name(), t.model(), columns, key, indexes, t.foreignKeys().stream()
        .map(fk -> fk.renamed(t.name(), t.name(), column, replacement.name())).toList(),
        t.relationship(), t.relationshipType(), t.changes());
  }
}
