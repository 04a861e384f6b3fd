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
    return pinsAll(filter, model.name(), model.primaryKey(), false);
  }

  /**
   * Whether {@code filter} (over {@code table}'s columns, after lowering) compares every column
   * of {@code key} for equality with a value or a bound argument: at most one row matches.
   */
  public static boolean pinsColumns(ExprNode filter, String table, List<Integer> key) {
    return pinsAll(filter, table, key, true);
  }

  private static boolean pinsAll(ExprNode filter, String owner, List<Integer> key,
      boolean columns) {
    if (key.isEmpty()) {
      return false;
    }
    for (int i = 0; i < key.size(); i++) {
      if (!pinned(filter, owner, key.get(i), columns)) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code e} compares the key part {@code index} for equality at its top level. */
  private static boolean pinned(ExprNode e, String owner, int index, boolean columns) {
    if (e instanceof ExprNode.And and) {
      List<ExprNode> operands = and.operands();
      for (int i = 0; i < operands.size(); i++) {
        if (pinned(operands.get(i), owner, index, columns)) {
          return true;
        }
      }
      return false;
    }
    return e instanceof ExprNode.Compare c && c.op() == ExprNode.CompareOp.EQ
        && (pins(c.left(), c.right(), owner, index, columns)
            || pins(c.right(), c.left(), owner, index, columns));
  }

  /**
   * Whether {@code side} is the key part and {@code value} a value: a constant other than NULL
   * ({@code = NULL} matches nothing), or, over columns, a bound argument.
   */
  private static boolean pins(ExprNode side, ExprNode value, String owner, int index,
      boolean columns) {
    boolean key = columns
        ? side instanceof ExprNode.Column c && c.index() == index && c.table().equals(owner)
        : side instanceof ExprNode.Field f && f.index() == index && f.model().equals(owner);
    return key && (value instanceof ExprNode.Const k && !k.value().isNull()
        || columns && value instanceof ExprNode.Arg);
  }
}
