package io.toasty.sql.render;

import static io.toasty.sql.render.ExprTypes.unwrapSingleton;

import io.toasty.Feature;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.sql.dialect.SqlDialect;
import io.toasty.stmt.ExprNode;
import io.toasty.value.Type;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Comparisons: {@code a op b}, null-safe equality and IN lists, of scalars and of records (row
 * values where the dialect keeps their logic, else expanded); a long IN list bound as one array.
 */
final class ComparisonSql {
  private final SqlContext ctx;
  private final StringBuilder out;
  private final SqlDialect dialect;

  ComparisonSql(SqlContext ctx) {
    this.ctx = ctx;
    this.out = ctx.out();
    this.dialect = ctx.dialect();
  }

  void compare(ExprNode.Compare c) {
    ExprNode left = unwrapSingleton(c.left());
    ExprNode right = unwrapSingleton(c.right());
    if (left instanceof ExprNode.Record || right instanceof ExprNode.Record) {
      if (!(left instanceof ExprNode.Record l) || !(right instanceof ExprNode.Record r)
          || l.fields().size() != r.fields().size()) {
        throw new UnsupportedFeatureException(Feature.ROW_COMPARISON,
            dialect.backend(),
            "comparing a record with a different expression: both sides must be records of the "
            + "same size: " + c);
      }
      if (!dialect.rowValueComparison() && RowComparisons.orders(c.op())) {
        out.append('(');
        ctx.expr(RowComparisons.expand(c.op(), l.fields(), r.fields()), null);
        out.append(')');
        return;
      }
      if (!dialect.rowValuesKeepNullLogic() && !RowComparisons.orders(c.op())) {
        out.append('(');
        ctx.expr(RowEquality.compare(c.op(), l.fields(), r.fields()), null);
        out.append(')');
        return;
      }
      ctx.requireRowValues("record comparison");
      ctx.tuple(l.fields(), ctx.types(r.fields()));
      out.append(' ').append(c.op().symbol()).append(' ');
      ctx.tuple(r.fields(), ctx.types(l.fields()));
      return;
    }
    Type leftType = ctx.typeOf(left);
    Type rightType = ctx.typeOf(right);
    ctx.compareOperand(left, rightType);
    out.append(' ').append(c.op().symbol()).append(' ');
    ctx.compareOperand(right, leftType);
  }

  /** Equal, or both NULL: one switch over the dialect's spelling. */
  void isNotDistinctFrom(ExprNode.IsNotDistinctFrom d) {
    ExprNode left = unwrapSingleton(d.left());
    ExprNode right = unwrapSingleton(d.right());
    String op = switch (dialect.nullSafeEquality()) {
      case IS_NOT_DISTINCT_FROM -> " IS NOT DISTINCT FROM ";
      case SPACESHIP -> " <=> ";
      case IS -> " IS ";
    };
    if (left instanceof ExprNode.Record || right instanceof ExprNode.Record) {
      if (!(left instanceof ExprNode.Record l) || !(right instanceof ExprNode.Record r)
          || l.fields().size() != r.fields().size()) {
        throw new UnsupportedFeatureException(Feature.ROW_COMPARISON,
            dialect.backend(),
            "comparing a record with a different expression: both sides must be records of the "
            + "same size: " + d);
      }
      ctx.requireRowValues("record comparison");
      ctx.tuple(l.fields(), ctx.types(r.fields()));
      out.append(op);
      ctx.tuple(r.fields(), ctx.types(l.fields()));
      return;
    }
    Type leftType = ctx.typeOf(left);
    Type rightType = ctx.typeOf(right);
    ctx.compareOperand(left, rightType);
    out.append(op);
    ctx.compareOperand(right, leftType);
  }

  void inList(ExprNode.InList in) {
    if (in.items().isEmpty()) {
      out.append(dialect.booleanLiteral(false));
      return;
    }
    ExprNode operand = unwrapSingleton(in.operand());
    if (operand instanceof ExprNode.Record record) {
      ctx.requireRowValues("a record IN a list");
      List<ExprNode.Record> items = new ArrayList<>(in.items().size());
      for (ExprNode e : in.items()) {
        if (!(e instanceof ExprNode.Record item)
            || item.fields().size() != record.fields().size()) {
          throw new UnsupportedFeatureException(Feature.ROW_COMPARISON,
              dialect.backend(),
              "a record IN a list of non-records: each item must be a record of "
              + record.fields().size() + " fields: " + e);
        }
        items.add(item);
      }
      if (!dialect.rowValuesKeepNullLogic()) {
        out.append('(');
        ctx.expr(RowEquality.in(record.fields(), items), null);
        out.append(')');
        return;
      }
      List<Type> types = ctx.types(record.fields());
      ctx.tuple(record.fields(), null);
      out.append(" IN (");
      for (int i = 0; i < items.size(); i++) {
        if (i > 0) {
          out.append(", ");
        }
        ctx.tuple(items.get(i).fields(), types);
      }
      out.append(')');
      return;
    }
    Type type = ctx.typeOf(operand);
    if (bindsAsArray(type, in.items())) {
      ctx.wrappedUnlessAtom(operand, null);
      out.append(" = ANY(");
      ctx.marker(-1, null, type, null,
          new RenderedSql.ArrayMarker(ArrayBinding.argIndexes(in.items()), false));
      out.append(')');
      return;
    }
    ctx.wrappedUnlessAtom(operand, null);
    out.append(" IN (");
    for (int i = 0; i < in.items().size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      ctx.expr(in.items().get(i), type);
    }
    out.append(')');
  }

  /** Whether a list of {@code items} compared with a column of {@code type} binds as one array. */
  private boolean bindsAsArray(@Nullable Type type, List<ExprNode> items) {
    return dialect.inListBinding() == SqlDialect.InListBinding.ANY_ARRAY
        && ArrayBinding.arrayBindable(dialect, type, items);
  }
}
