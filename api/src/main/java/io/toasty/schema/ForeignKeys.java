package io.toasty.schema;

import io.toasty.error.InvalidModelException;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.app.RelationSchema;
import io.toasty.schema.db.TableForeignKey;
import io.toasty.schema.db.TableForeignKey.OnDelete;
import io.toasty.schema.db.TableSchema;
import io.toasty.schema.mapping.ModelMapping;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The foreign keys of a model's table: one per checked belongs-to relation
 * ({@code RelationSchema.isChecked()}), referring to the target's primary key or to one of its
 * unique indexes, with the delete behaviour the engine's own cascade has (a required key
 * cascades, an optional one is set to NULL, {@code @BelongsTo.Restrict} refuses).
 */
final class ForeignKeys {
  private ForeignKeys() {}

  /** The foreign keys of {@code model}, stored in {@code table}. */
  @SuppressWarnings("NullAway") // the maps hold every model and table of a validated schema
  static List<TableForeignKey> of(ModelSchema model, TableSchema table,
      Map<String, ModelSchema> models, Map<String, ModelMapping> mappings,
      Map<String, TableSchema> tables) {
    List<TableForeignKey> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (RelationSchema r : model.relations()) {
      if (!r.isChecked()) {
        continue;
      }
      ModelSchema target = models.get(r.target());
      TableSchema targetTable = tables.get(mappings.get(target.name()).table());
      List<Integer> referenced = columns(mappings.get(target.name()), r.targetFields());
      List<Integer> columns = columns(mappings.get(model.name()), r.sourceFields());
      List<Integer> order = uniqueOrder(targetTable, referenced);
      if (order == null) {
        throw new InvalidModelException(model.name(), r.name(), "refers to "
            + target.name() + " by " + fieldNames(target, r.targetFields()) + ", which is "
            + "neither its key nor unique: a record could not be told by it; declare @Unique "
            + "on it, or opt out of the check with @BelongsTo.Unchecked");
      }
      if (liveOnly(target, mappings.get(target.name()), targetTable, order)) {
        throw new InvalidModelException(model.name(), r.name(), "refers to " + target.name()
            + " by " + fieldNames(target, r.targetFields()) + ", which is unique among its live "
            + "records only (" + target.name() + " is @SoftDelete): a deleted record and a live "
            + "one may share the value, so no constraint can name one record by it; refer to "
            + "its key, or opt out of the check with @BelongsTo.Unchecked (docs/models.md, Soft "
            + "delete)");
      }
      List<Integer> fkColumns = new ArrayList<>();
      List<Integer> refColumns = new ArrayList<>();
      for (int c : order) {
        int at = referenced.indexOf(c);
        refColumns.add(c);
        fkColumns.add(columns.get(at));
      }
      OnDelete onDelete = r.isRestrict() ? OnDelete.RESTRICT
          : required(model, r) ? OnDelete.CASCADE : OnDelete.SET_NULL;
      String name = TableForeignKey.nameOf(table.name(),
          fkColumns.stream().map(c -> table.column(c).name()).toList());
      TableForeignKey fk = new TableForeignKey(name, fkColumns, targetTable.name(), refColumns,
          onDelete, model.name(), r.name());
      merge(out, names, fk, table);
    }
    return out;
  }

  /**
   * Whether deleting the target deletes the records (else it unlinks them): the relation is
   * required, or a key field cannot be NULL. A polymorphic model's key columns are nullable,
   * since other variants lack them; its relation still says. (The engine's cascade decides the
   * same way.)
   */
  static boolean required(ModelSchema model, RelationSchema r) {
    return !r.nullable() || r.sourceFields().stream().anyMatch(f -> !model.field(f).nullable());
  }

  /**
   * {@code fk} added to {@code out}; a key over the same columns to the same columns as one
   * there is one constraint (the stricter delete behaviour), and a name taken by another key
   * gets the relation's name instead.
   */
  private static void merge(List<TableForeignKey> out, Set<String> names, TableForeignKey fk,
      TableSchema table) {
    for (int i = 0; i < out.size(); i++) {
      TableForeignKey o = out.get(i);
      if (o.columns().equals(fk.columns()) && o.referencedTable().equals(fk.referencedTable())
          && o.referencedColumns().equals(fk.referencedColumns())) {
        if (fk.onDelete() == OnDelete.RESTRICT && o.onDelete() != OnDelete.RESTRICT) {
          out.set(i, new TableForeignKey(o.name(), o.columns(), o.referencedTable(),
              o.referencedColumns(), OnDelete.RESTRICT, o.model(), o.relation()));
        }
        return;
      }
    }
    String name = fk.name();
    if (!names.add(name)) {
      name = TableForeignKey.nameOf(table.name(), List.of(fk.relation()));
      for (int n = 2; !names.add(name); n++) {
        name = TableForeignKey.nameOf(table.name(), List.of(fk.relation() + n));
      }
    }
    out.add(new TableForeignKey(name, fk.columns(), fk.referencedTable(),
        fk.referencedColumns(), fk.onDelete(), fk.model(), fk.relation()));
  }

  /**
   * {@code referenced} in the order of the target's primary key or of a unique index over
   * exactly those columns; {@code null} when there is none.
   */
  private static @Nullable List<Integer> uniqueOrder(TableSchema table, List<Integer> referenced) {
    if (sameSet(table.primaryKey(), referenced)) {
      return table.primaryKey();
    }
    for (int i = 0; i < table.indexes().size(); i++) {
      if (table.indexes().get(i).unique() && sameSet(table.indexes().get(i).columns(),
          referenced)) {
        return table.indexes().get(i).columns();
      }
    }
    return null;
  }

  /**
   * Whether {@code order}, the columns of a unique index of {@code table} (not its primary key),
   * is unique among the live records of a soft-deleted {@code target} only: one without the
   * marker ({@link SoftDeleteMarker#liveOnly}). A database constraint cannot refer to such
   * columns and keep a deleted record's value free (PostgreSQL and SQLite refuse a partial index
   * as a foreign key's target; H2 would need the columns unique among every row), and a value
   * held by a deleted record and a live one would name two records
   * ({@code SoftDeleteScenarios.aReferenceByALiveUniqueValue}).
   */
  private static boolean liveOnly(ModelSchema target, ModelMapping mapping, TableSchema table,
      List<Integer> order) {
    FieldSchema marker = target.softDeleteField();
    if (marker == null || order.equals(table.primaryKey())) {
      return false;
    }
    return !order.contains(mapping.columnOf(marker.index()));
  }

  private static boolean sameSet(List<Integer> a, List<Integer> b) {
    return a.size() == b.size() && new HashSet<>(a).equals(new HashSet<>(b))
        && new HashSet<>(b).size() == b.size();
  }

  private static List<Integer> columns(ModelMapping mapping, List<Integer> fields) {
    List<Integer> out = new ArrayList<>();
    fields.forEach(f -> out.add(mapping.columnOf(f)));
    return out;
  }

  private static String fieldNames(ModelSchema model, List<Integer> fields) {
    return String.join(", ", fields.stream().map(f -> model.field(f).name()).toList());
  }
}
