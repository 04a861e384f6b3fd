package io.toasty.stmt;

import io.toasty.schema.app.ModelSchema;
import java.util.List;

/**
 * Whether a filter pins a model's primary key: every key field compared for equality with a value
 * among the filter's top-level conditions, so that at most one record matches. A first record of
 * such a query needs no {@code LIMIT} (nor its bind), and a statement observer knows such a
 * statement complete at its first record.
 */
public final class KeyPin {
  private KeyPin() {}

  /**
   * Whether {@code filter} (over {@code model}'s fields) matches at most one record. Checked on
   * every {@code first()} and {@code get()}, so it walks the filter once per key field instead
   * of collecting the pinned fields into a set.
   */
  public static boolean pins(ExprNode filter, ModelSchema model) {
    List<Integer> key = model.primaryKey();
    if (key.isEmpty()) {
      return false;
    }
    for (int i = 0; i < key.size(); i++) {
      if (!pinned(filter, model.name(), key.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code e} compares {@code field} for equality with a value at its top level. */
  private static boolean pinned(ExprNode e, String model, int field) {
    if (e instanceof ExprNode.And and) {
      List<ExprNode> operands = and.operands();
      for (int i = 0; i < operands.size(); i++) {
        if (pinned(operands.get(i), model, field)) {
          return true;
        }
      }
      return false;
    }
    return e instanceof ExprNode.Compare c && c.op() == ExprNode.CompareOp.EQ
        && (pins(c.left(), c.right(), model, field) || pins(c.right(), c.left(), model, field));
  }

  private static boolean pins(ExprNode field, ExprNode value, String model, int index) {
    return field instanceof ExprNode.Field f && f.index() == index && f.model().equals(model)
        && value instanceof ExprNode.Const k && !k.value().isNull();
  }
}
