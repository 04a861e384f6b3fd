package io.toasty.dynamo.expr;

import io.toasty.dynamo.table.TableInfo;
import io.toasty.error.ValueOutOfRangeException;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.ExprNode;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB computes {@code SET #a = #a + :v} in 38-digit decimals, so a sum beyond the field's
 * integer type would be stored and then be unreadable. This guard is the update's checked
 * arithmetic: a condition that the old value leaves room for the step
 * ({@code attribute_not_exists(#a) OR #a BETWEEN :lo AND :hi}), and, when the condition failed,
 * the {@link ValueOutOfRangeException} naming the field if the item's new value would leave the
 * range.
 */
public final class RangeGuard {
  private final TableInfo table;
  private final UpdateWriter writer;
  /** Per guarded column: its attribute's least and greatest allowed old value. */
  private final Map<Integer, BigDecimal[]> bounds = new LinkedHashMap<>();

  public RangeGuard(TableInfo table, List<Assignment> assignments, List<Value> args,
      UpdateWriter writer) {
    this.table = table;
    this.writer = writer;
    for (Assignment a : assignments) {
      BigDecimal[] range = range(table.column(a.target()).type());
      if (range != null && a.value() instanceof ExprNode.Arith arith) {
        BigDecimal[] old = oldRange(a.target(), arith, args, range);
        if (old != null) {
          bounds.put(a.target(), old);
        }
      }
    }
  }

  /** The condition on the old values, {@link Cond#TRUE} when nothing needs guarding. */
  public Cond condition(Placeholders ph) {
    List<Cond> parts = new ArrayList<>();
    bounds.forEach((column, b) -> {
      String name = ph.name(table.attribute(column));
      parts.add(Cond.atom("(attribute_not_exists(" + name + ") OR " + name + " BETWEEN "
          + ph.value(AttributeValue.fromN(b[0].toPlainString())) + " AND "
          + ph.value(AttributeValue.fromN(b[1].toPlainString())) + ")"));
    });
    return Cond.and(parts);
  }

  /** The error for an update whose condition failed on {@code old}, or null if in range. */
  public @Nullable ValueOutOfRangeException violation(
      @Nullable Map<String, AttributeValue> old) {
    if (bounds.isEmpty() || old == null || old.isEmpty()) {
      return null;
    }
    try {
      // the new values are computed with each integer field's range checked
      writer.apply(old);
      return null;
    } catch (ValueOutOfRangeException e) {
      return e;
    }
  }

  /** {@code column ± n} or {@code n + column}: the old values that keep the result in range. */
  private static BigDecimal @Nullable [] oldRange(int column, ExprNode.Arith a, List<Value> args,
      BigDecimal[] range) {
    if (a.op() != ExprNode.ArithOp.ADD && a.op() != ExprNode.ArithOp.SUB) {
      return null; // computed from the item as read, and checked there (ItemEval)
    }
    boolean add = a.op() == ExprNode.ArithOp.ADD;
    BigDecimal n;
    if (isColumn(a.left(), column) && (n = number(a.right(), args)) != null) {
      return add ? new BigDecimal[] {range[0].subtract(n), range[1].subtract(n)}
          : new BigDecimal[] {range[0].add(n), range[1].add(n)};
    }
    if (isColumn(a.right(), column) && (n = number(a.left(), args)) != null) {
      return add ? new BigDecimal[] {range[0].subtract(n), range[1].subtract(n)}
          : new BigDecimal[] {n.subtract(range[1]), n.subtract(range[0])};
    }
    return null;
  }

  private static boolean isColumn(ExprNode e, int column) {
    return e instanceof ExprNode.Column c && c.index() == column;
  }

  private static @Nullable BigDecimal number(ExprNode e, List<Value> args) {
    Value v = e instanceof ExprNode.Arg a ? args.get(a.index())
        : e instanceof ExprNode.Const c ? c.value() : null;
    return v != null && v.toJava() instanceof Number n && !(n instanceof Double)
        && !(n instanceof Float) ? new BigDecimal(n.toString()) : null;
  }

  /** The range of an integer type, or null for other types. */
  private static BigDecimal @Nullable [] range(Type type) {
    long[] r = IntegerRange.of(type);
    return r == null ? null : new BigDecimal[] {BigDecimal.valueOf(r[0]), BigDecimal.valueOf(r[1])};
  }
}
