package io.toasty.dynamo.expr;

import io.toasty.Feature;
import io.toasty.dynamo.table.TableInfo;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.stmt.ExprNode;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;

/** What an expression operand is at execution time: an attribute, a bound value, or a tuple. */
sealed interface Operand {

  /** The attribute storing column {@code column}. */
  record Attr(int column) implements Operand {}

  /** A value known now (an argument or a constant). */
  record Val(Value value) implements Operand {}

  /** A tuple, such as a composite key. */
  record Tuple(List<Operand> items) implements Operand {}

  /** The operand {@code e} stands for, or an error for what DynamoDB cannot evaluate. */
  static Operand of(ExprNode e, TableInfo table, List<Value> args) {
    if (e instanceof ExprNode.Column c) {
      if (!c.table().equals(table.name())) {
        throw new IllegalArgumentException("column of table " + c.table() + " in an operation on "
            + table.name());
      }
      return new Attr(c.index());
    } else if (e instanceof ExprNode.Arg a) {
      return new Val(args.get(a.index()));
    } else if (e instanceof ExprNode.Const k) {
      return new Val(k.value());
    } else if (e instanceof ExprNode.Record r) {
      List<Operand> items = new ArrayList<>(r.fields().size());
      r.fields().forEach(f -> items.add(of(f, table, args)));
      return new Tuple(items);
    }
    throw unsupported(e);
  }

  /** The error for an expression that a DynamoDB condition cannot hold. */
  static UnsupportedFeatureException unsupported(ExprNode e) {
    if (e instanceof ExprNode.InSubquery || e instanceof ExprNode.Exists) {
      return new UnsupportedFeatureException(Feature.SUBQUERIES, TableInfo.BACKEND,
          "a condition cannot read another table; filter by values instead");
    }
    if (e instanceof ExprNode.Arith) {
      return new UnsupportedFeatureException(Feature.FILTER_EXPRESSION, TableInfo.BACKEND,
          "arithmetic in a filter: DynamoDB conditions compare attributes with values; compute "
          + "the bound first");
    }
    return new UnsupportedFeatureException(Feature.FILTER_EXPRESSION,
        TableInfo.BACKEND, e.getClass().getSimpleName() + " in a condition" + ": "
        + String.valueOf(e));
  }
}
