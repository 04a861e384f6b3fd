package io.toasty.planner.lower;

import io.toasty.Feature;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.planner.expr.Children;
import io.toasty.planner.hir.HirOutput;
import io.toasty.schema.app.AutoStrategy;
import io.toasty.schema.app.FieldSchema;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A model insert becomes a table insert: each {@code DEFAULT} is filled with the field's declared
 * default (a constant argument), a generated-UUID or current-time argument, or NULL; an identity column left unset
 * is omitted (the database assigns it and the insert returns it). Rows become one expression per
 * inserted column, through the mapping's {@code columnFromFields}.
 */
final class LowerInsert {
  private final LowerContext cx;
  private final Map<Integer, ExprNode> defaults = new HashMap<>();
  /** Per row, each data field's value as inserted; null where the database generates it. */
  final List<ExprNode[]> filled = new ArrayList<>();

  private LowerInsert(LowerContext cx) {
    this.cx = cx;
  }

  static LowerQuery.Lowered lower(InsertNode insert, LowerContext cx) {
    return new LowerInsert(cx).insert(insert);
  }

  LowerInsert(LowerContext cx, boolean unused) {
    this.cx = cx;
  }

  LowerQuery.Lowered insert(InsertNode insert) {
    boolean[] omitted = omittedFields(insert.rows());
    List<Integer> columns = new ArrayList<>();
    for (int c = 0; c < cx.table.columns().size(); c++) {
      if (!storesOmitted(c, omitted)) {
        columns.add(c);
      }
    }
    List<ExprNode.Record> rows = new ArrayList<>(insert.rows().size());
    for (ExprNode.Record row : insert.rows()) {
      rows.add(row(row, columns, omitted));
    }
    // An upsert returns the stored rows: only the database knows which path each row took.
    boolean count = insert.returning() instanceof Returning.Count && insert.onConflict() == null;
    Returning returning = count ? new Returning.Count() : new Returning.Project(cx.allColumns());
    InsertNode table = new InsertNode(new Source.Table(cx.table.name()), columns, rows, returning,
        insert.onConflict() == null ? null
            : LowerConflict.lower(insert.onConflict(), columns, cx),
        insert.atomic() || !cannotCollide(insert));
    return new LowerQuery.Lowered(table, count ? new HirOutput.Count()
        : new HirOutput.Rows(cx.mapping.fieldFromColumns()));
  }

  /**
   * Whether no row of {@code insert} can collide with a stored record: no conflict clause, no
   * unique index beside the primary key, and every key field left to a generated UUID. Only
   * then may a non-atomic insert be written without conditions (see {@link InsertNode#atomic}).
   */
  private boolean cannotCollide(InsertNode insert) {
    if (insert.onConflict() != null || cx.table.indexes().stream()
        .anyMatch(ix -> ix.unique() && !ix.columns().equals(cx.table.primaryKey()))) {
      return false;
    }
    for (int c : cx.table.primaryKey()) {
      if (!(cx.mapping.columnFromFields().get(c) instanceof ExprNode.Field f)
          || !f.model().equals(cx.model.name())) {
        return false;
      }
      AutoStrategy auto = cx.model.fields().get(f.index()).auto();
      if (auto != AutoStrategy.UUID_V4 && auto != AutoStrategy.UUID_V7 || insert.rows().stream()
          .anyMatch(r -> !(r.fields().get(f.index()) instanceof ExprNode.Default))) {
        return false;
      }
    }
    return true;
  }

  /** Identity fields that every row leaves unset. */
  private boolean[] omittedFields(List<ExprNode.Record> rows) {
    boolean[] omitted = new boolean[cx.model.fields().size()];
    for (FieldSchema f : cx.model.fields()) {
      if (f.auto() != AutoStrategy.IDENTITY) {
        continue;
      }
      long unset = rows.stream().filter(r -> r.fields().get(f.index()) instanceof ExprNode.Default)
          .count();
      if (unset > 0 && unset < rows.size()) {
        throw new UnsupportedFeatureException(Feature.PARTIAL_IDENTITY, null,
            cx.model.name() + "." + f.name() + ": set it in every row or in none");
      }
      if (unset > 0 && !cx.capability.identityKeys()) {
        throw new UnsupportedFeatureException(Feature.IDENTITY_KEYS,
            cx.capability.backend(), cx.model.name() + "." + f.name()
            + " is @Auto on an integer, which the backend does not generate; use an @Auto UUID"
            + " key, or set the key (from a counter record moved on in the creating"
            + " transaction, where it must be an increasing integer)");
      }
      omitted[f.index()] = unset > 0;
    }
    return omitted;
  }

  private boolean storesOmitted(int column, boolean[] omitted) {
    for (int f = 0; f < omitted.length; f++) {
      if (omitted[f] && cx.mapping.columnOf(f) == column) {
        return true;
      }
    }
    return false;
  }

  private ExprNode.Record row(ExprNode.Record row, List<Integer> columns, boolean[] omitted) {
    ExprNode[] values = new ExprNode[row.fields().size()];
    for (FieldSchema f : cx.model.fields()) {
      ExprNode v = row.fields().get(f.index());
      values[f.index()] = v instanceof ExprNode.Default && !omitted[f.index()] ? fill(f) : v;
    }
    ExprNode[] asInserted = values.clone();
    for (int f = 0; f < omitted.length; f++) {
      if (omitted[f]) {
        asInserted[f] = null;
      }
    }
    filled.add(asInserted);
    List<ExprNode> out = new ArrayList<>(columns.size());
    for (int c : columns) {
      out.add(substitute(cx.mapping.columnFromFields().get(c), values));
    }
    return new ExprNode.Record(out);
  }

  private ExprNode fill(FieldSchema f) {
    if (f.auto() == AutoStrategy.UUID_V4 || f.auto() == AutoStrategy.UUID_V7) {
      return cx.addArg(new ExtraArg.GeneratedArg(f.auto(), cx.model.name(), f.name()));
    }
    if (f.auto() == AutoStrategy.NOW) {
      // one slot per field: every row of the statement gets the same instant
      return defaults.computeIfAbsent(f.index(), i -> UpdateStamp.generated(cx, f, AutoStrategy.NOW));
    }
    if (f.auto() == AutoStrategy.VERSION) {
      return defaults.computeIfAbsent(f.index(),
          i -> cx.addArg(new ExtraArg.ConstantArg(VersionBump.initial(f))));
    }
    if (f.auto() == AutoStrategy.SOFT_DELETE) {
      return f.type() == Type.Scalar.BOOL ? ExprNode.FALSE : ExprNode.NULL; // live
    }
    Value defaultValue = f.defaultValue();
    if (defaultValue != null && !defaultValue.isNull()) {
      return defaults.computeIfAbsent(f.index(),
          i -> cx.addArg(new ExtraArg.ConstantArg(defaultValue)));
    }
    return ExprNode.NULL;
  }

  private ExprNode substitute(ExprNode e, ExprNode[] values) {
    if (e instanceof ExprNode.Field f && f.model().equals(cx.model.name())) {
      return values[f.index()];
    }
    return Children.map(e, x -> substitute(x, values));
  }
}
