package io.toasty.sql.render;

import io.toasty.schema.Schema;
import io.toasty.schema.db.TableSchema;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Returning;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a walk knows of an expression without writing it: its type (when a column or constant
 * says), whether it is the constant TRUE, a lone operand unwrapped, a column's checked name.
 */
final class ExprTypes {
  private ExprTypes() {
  }

  static Type aggregateType(ExprNode.AggOp op) {
    return switch (op) {
      case SUM_DOUBLE, AVG -> Type.Scalar.F64;
      case SUM_DECIMAL, AVG_DECIMAL -> Type.Scalar.DECIMAL;
      default -> Type.Scalar.I64;
    };
  }

  /** Whether {@code t} is an integer type; an unknown type (a NULL) counts as one. */
  static boolean isInteger(@Nullable Type t) {
    return t == null || t instanceof Type.Scalar s && s.isInteger();
  }

  /** The type an expression evaluates to, when a column or constant says; else {@code null}. */
  static @Nullable Type typeOf(Schema schema, ExprNode e) {
    ExprNode x = unwrapSingleton(e);
    if (x instanceof ExprNode.Column c) {
      TableSchema table = schema.table(c.table());
      checkColumn(table, c.index());
      return table.column(c.index()).type();
    }
    if (x instanceof ExprNode.Outer o) {
      return typeOf(schema, o.operand());
    }
    if (x instanceof ExprNode.Const c && !c.value().isNull()) {
      return c.value().type();
    }
    if (x instanceof ExprNode.Arith a) {
      Type l = typeOf(schema, a.left());
      Type r = typeOf(schema, a.right());
      return l == null ? r : r == null ? l : wider(l, r);
    }
    if (x instanceof ExprNode.Func f) {
      return f.op() == ExprNode.FuncOp.LENGTH ? Type.Scalar.I64 : Type.Scalar.STRING;
    }
    if (x instanceof ExprNode.JsonText) {
      return Type.Scalar.STRING;
    }
    if (x instanceof ExprNode.Now now) {
      return now.type();
    }
    if (x instanceof ExprNode.Case c) {
      return typeOf(schema, c.otherwise());
    }
    if (x instanceof ExprNode.Aggregate a) {
      return a.op() == ExprNode.AggOp.MIN || a.op() == ExprNode.AggOp.MAX
          ? typeOf(schema, a.operand())
          : aggregateType(
              a.op() == ExprNode.AggOp.COUNT || a.op() == ExprNode.AggOp.COUNT_ALL
                  ? ExprNode.AggOp.SUM
                  : a.op());
    }
    if (x instanceof ExprNode.Scalar s && s.query().returning() instanceof Returning.Project p
        && p.exprs().size() == 1) {
      return typeOf(schema, p.exprs().get(0));
    }
    if (x instanceof ExprNode.Project p && p.base() instanceof ExprNode.Record r) {
      return typeOf(schema, r.fields().get(p.index()));
    }
    return null;
  }

  /** The type arithmetic over {@code a} and {@code b} yields: decimal, then float, then integer. */
  static Type wider(Type a, Type b) {
    for (Type t : List.of(Type.Scalar.DECIMAL, Type.Scalar.F64, Type.Scalar.F32, Type.Scalar.I64)) {
      if (a == t || b == t) {
        return t;
      }
    }
    return a;
  }

  static ExprNode unwrapSingleton(ExprNode e) {
    ExprNode x = e;
    while (true) {
      if (x instanceof ExprNode.And a && a.operands().size() == 1) {
        x = a.operands().get(0);
      } else if (x instanceof ExprNode.Or o && o.operands().size() == 1) {
        x = o.operands().get(0);
      } else {
        return x;
      }
    }
  }

  static boolean isTrue(ExprNode e) {
    return (e instanceof ExprNode.Const c && c.value() instanceof Value.Bool b && b.value())
        || (e instanceof ExprNode.And a && a.operands().isEmpty());
  }

  static String column(TableSchema table, int index) {
    checkColumn(table, index);
    return table.column(index).name();
  }

  static void checkColumn(TableSchema table, int index) {
    if (index < 0 || index >= table.columns().size()) {
      throw new IllegalArgumentException("table " + table.name() + " has no column #" + index);
    }
  }
}
