package io.toasty.planner.lower;

import io.toasty.Feature;
import io.toasty.error.InvalidStatementException;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.schema.db.TableIndex;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.OnConflict;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An upsert's conflict clause, lowered: fields become columns; the target must be the primary key
 * or exactly the columns of one unique index (what every backend can arbitrate on); the copied
 * columns drop the target and the primary key (an upsert never moves a record to another key)
 * and whatever the insert does not write; the update expressions read columns.
 */
final class LowerConflict {
  private LowerConflict() {}

  static OnConflict lower(OnConflict in, List<Integer> insertedColumns, LowerContext cx) {
    List<Integer> targetFields = in.target().isEmpty() ? cx.model.primaryKey() : in.target();
    List<Integer> target = columns(targetFields, cx);
    checkTarget(target, targetFields, cx);
    // Insert-or-ignore keeps the stored record as it is, version too.
    List<Assignment> update = in.keepsStored() ? in.assignments()
        : UpdateStamp.stamped(cx, VersionBump.bumped(cx, in.assignments()));
    List<Integer> assigned = columns(update.stream().map(Assignment::target).toList(), cx);
    List<Integer> copied = new ArrayList<>();
    for (int c : columns(in.copied(), cx)) {
      if (!target.contains(c) && !cx.table.primaryKey().contains(c) && !assigned.contains(c)
          && insertedColumns.contains(c) && !copied.contains(c)) {
        copied.add(c);
      }
    }
    LowerExpr lx = new LowerExpr(cx.schema);
    List<Assignment> assignments = new ArrayList<>(in.assignments().size());
    for (Assignment a : update) {
      int column = columns(List.of(a.target()), cx).get(0);
      if (cx.table.primaryKey().contains(column)) {
        throw new UnsupportedFeatureException(Feature.KEY_UPDATE, null, cx.model.name() + "."
            + cx.model.field(a.target()).name() + ": an upsert's update path cannot change the "
            + "primary key");
      }
      assignments.add(new Assignment(column, lx.expr(a.value())));
    }
    return new OnConflict(target, copied, assignments);
  }

  private static List<Integer> columns(List<Integer> fields, LowerContext cx) {
    List<Integer> out = new ArrayList<>(fields.size());
    for (int f : fields) {
      int column = cx.mapping.columnOf(f);
      if (column < 0) {
        throw new UnsupportedFeatureException(Feature.MULTI_COLUMN_UPDATE, null, cx.model.name()
            + "." + cx.model.field(f).name());
      }
      out.add(column);
    }
    return out;
  }

  private static void checkTarget(List<Integer> target, List<Integer> fields, LowerContext cx) {
    Set<Integer> wanted = new HashSet<>(target);
    if (wanted.equals(new HashSet<>(cx.table.primaryKey()))) {
      return;
    }
    for (TableIndex index : cx.table.indexes()) {
      if (index.unique() && wanted.equals(new HashSet<>(index.columns()))) {
        return;
      }
    }
    String names = fields.stream().map(f -> cx.model.field(f).name())
        .collect(Collectors.joining(", "));
    throw new InvalidStatementException(cx.model.name(), names, "is not the primary key or a "
        + "unique index, so it cannot be an upsert's conflict target");
  }
}
