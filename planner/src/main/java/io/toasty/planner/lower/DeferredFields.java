package io.toasty.planner.lower;

import io.toasty.Deferred;
import io.toasty.schema.app.FieldSchema;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Returning;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The deferred fields a model query leaves unread: their columns are not fetched and their
 * slots in the result hold {@link Deferred#NOT_LOADED}, which the loaded record turns into an
 * unloaded {@code Deferred}. A query reads the deferred fields its returning lists.
 */
final class DeferredFields {
  private DeferredFields() {}

  /** The model's fields from the columns, unread deferred fields as the not-loaded slot. */
  static List<ExprNode> outputs(Returning r, LowerContext cx) {
    List<ExprNode> out = new ArrayList<>(cx.mapping.fieldFromColumns());
    for (int f : unread(r, cx)) {
      out.set(f, new ExprNode.Const(Deferred.NOT_LOADED));
    }
    return out;
  }

  /** Every column of the table but those of unread deferred fields, in table order. */
  static List<ExprNode> fetched(Returning r, LowerContext cx) {
    Set<Integer> skipped = new HashSet<>();
    for (int f : unread(r, cx)) {
      skipped.add(cx.mapping.columnOf(f));
    }
    List<ExprNode> out = new ArrayList<>(cx.allColumns());
    out.removeIf(c -> skipped.contains(((ExprNode.Column) c).index()));
    return out;
  }

  /** The deferred fields {@code r} does not read: none unless it returns whole records. */
  private static List<Integer> unread(Returning r, LowerContext cx) {
    if (!(r instanceof Returning.Model m)) {
      return List.of();
    }
    List<Integer> out = new ArrayList<>();
    for (FieldSchema f : cx.model.fields()) {
      if (f.deferred() && cx.mapping.columnOf(f.index()) >= 0
          && !m.deferred().contains(new ExprNode.Field(cx.model.name(), f.index()))) {
        out.add(f.index());
      }
    }
    return out;
  }
}
