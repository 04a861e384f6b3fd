package io.toasty.migrate.diff;

import io.toasty.migrate.live.LiveColumn;
import io.toasty.migrate.live.LiveDefaults;
import io.toasty.migrate.live.LiveIndex;
import io.toasty.migrate.live.LiveShape;
import io.toasty.migrate.live.LiveTable;
import io.toasty.migrate.snapshot.ColumnSnapshot;
import io.toasty.migrate.snapshot.IndexSnapshot;
import io.toasty.migrate.snapshot.SchemaSnapshot;
import io.toasty.migrate.snapshot.TableSnapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compares the models' schema with the live one, table by table, as the backend's catalog shows
 * it ({@link LiveShape}): missing and extra tables, columns and indexes, column types (in the
 * catalog's canonical names), nullability and defaults
 * (compared by value, {@link LiveDefaults}). A pure function of its inputs.
 */
public final class LiveDiff {
  private LiveDiff() {}

  /**
   * The drift between {@code models} and the database.
   *
   * @param live       each model table's live description, empty when it does not exist
   * @param liveTables every table the database has, to report those no model has
   */
  public static DriftReport between(SchemaSnapshot models, Map<String, Optional<LiveTable>> live,
      List<String> liveTables, LiveShape shape) {
    List<Drift> out = new ArrayList<>();
    Set<String> modelled = new HashSet<>();
    for (TableSnapshot table : models.tables()) {
      modelled.add(table.name().toLowerCase(Locale.ROOT));
      Optional<LiveTable> found = live.getOrDefault(table.name(), Optional.empty());
      if (found.isEmpty()) {
        out.add(new Drift.MissingTable(table.name()));
      } else {
        columns(table, found.get(), shape, out);
        indexes(table, found.get(), shape, out);
      }
    }
    for (String name : liveTables) {
      if (!modelled.contains(name.toLowerCase(Locale.ROOT)) && !shape.internal(name)) {
        out.add(new Drift.ExtraTable(name));
      }
    }
    return new DriftReport(shape.backend(), out);
  }

  private static void columns(TableSnapshot table, LiveTable live, LiveShape shape,
      List<Drift> out) {
    List<String> visible = shape.visibleColumns(table);
    for (String name : visible) {
      ColumnSnapshot want = table.column(name).orElseThrow();
      String expected = shape.expectedType(table, want);
      Optional<LiveColumn> has = live.column(name);
      if (has.isEmpty()) {
        out.add(new Drift.MissingColumn(table.name(), name, expected));
        continue;
      }
      String actual = shape.canonical(has.get().type());
      if (!expected.equals(actual)) {
        out.add(new Drift.TypeDiffers(table.name(), name, expected, actual));
      }
      if (want.nullable() != has.get().nullable()) {
        out.add(new Drift.NullabilityDiffers(table.name(), name, want.nullable(),
            has.get().nullable()));
      }
      // An identity column's value comes from its sequence, which the catalogs show variously.
      if (shape.defaultsVisible() && !want.identity()
          && !LiveDefaults.same(want.defaultValue(), has.get().defaultValue())) {
        out.add(new Drift.DefaultDiffers(table.name(), name,
            LiveDefaults.describe(want.defaultValue()), has.get().defaultValue()));
      }
    }
    for (LiveColumn c : live.columns()) {
      if (!visible.contains(c.name()) && !shape.generated(table, c.name())) {
        out.add(new Drift.ExtraColumn(table.name(), c.name(), shape.canonical(c.type())));
      }
    }
  }

  private static void indexes(TableSnapshot table, LiveTable live, LiveShape shape,
      List<Drift> out) {
    for (IndexSnapshot ix : table.indexes()) {
      LiveIndex want = shape.expectedIndex(ix);
      Optional<LiveIndex> has = live.indexes().stream()
          .filter(i -> i.name().equalsIgnoreCase(ix.name())).findFirst();
      if (has.isEmpty()) {
        out.add(new Drift.MissingIndex(table.name(), ix.name(), want.columns(), want.unique()));
      } else if (!has.get().columns().equals(want.columns())
          || has.get().unique() != want.unique()) {
        out.add(new Drift.IndexDiffers(table.name(), ix.name(), want.columns(), want.unique(),
            has.get().columns(), has.get().unique()));
      }
    }
    for (LiveIndex i : live.indexes()) {
      if (table.indexes().stream().noneMatch(ix -> ix.name().equalsIgnoreCase(i.name()))) {
        out.add(new Drift.ExtraIndex(table.name(), i.name(), i.columns(), i.unique()));
      }
    }
  }
}
