package io.toasty;

import io.toasty.schema.app.ModelSchema;
import io.toasty.stmt.Expr;
import java.util.HashSet;
import java.util.Set;

/**
 * Whether a filter pins a model's primary key: every key field compared for equality with a value
 * among the filter's top-level conditions, so that at most one record matches. A first record of
 * such a query needs no {@code LIMIT} (nor its bind).
 */
final class KeyPin {
  private KeyPin() {}

  /** Whether {@code filter} (over {@code model}'s fields) matches at most one record. */
  static boolean pins(Expr filter, ModelSchema model) {
    Set<Integer> pinned = new HashSet<>();
    collect(filter, model.name(), pinned);
    return !model.primaryKey().isEmpty() && pinned.containsAll(model.primaryKey());
  }

  private static void collect(Expr e, String model, Set<Integer> pinned) {
    if (e instanceof Expr.And and) {
      and.operands().forEach(o -> collect(o, model, pinned));
    } else if (e instanceof Expr.Compare c && c.op() == Expr.CompareOp.EQ) {
      pin(c.left(), c.right(), model, pinned);
      pin(c.right(), c.left(), model, pinned);
    }
  }

  /** Pins {@code field} when it is one of the model's fields and {@code value} a non-null value. */
  private static void pin(Expr field, Expr value, String model, Set<Integer> pinned) {
    if (field instanceof Expr.Field f && f.model().equals(model)
        && value instanceof Expr.Const k && !k.value().isNull()) {
      pinned.add(f.index());
    }
  }
}
