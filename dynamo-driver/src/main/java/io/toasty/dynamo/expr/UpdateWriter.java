package io.toasty.dynamo.expr;

import io.toasty.Feature;
import io.toasty.UnsupportedFeatureException;
import io.toasty.dynamo.codec.AttributeCodec;
import io.toasty.dynamo.table.TableInfo;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.Expr;
import io.toasty.value.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An update's assignments as a DynamoDB {@code UpdateExpression}: {@code SET #a = :v} for a value,
 * {@code SET #a = #b} to copy an attribute, {@code SET #a = #a + :v} for arithmetic (one operator,
 * as DynamoDB allows), and {@code REMOVE #a} for NULL. The last assignment of a column wins.
 * Key columns cannot be assigned: DynamoDB addresses items by their key.
 */
public final class UpdateWriter {
  private final TableInfo table;
  private final List<Value> args;
  private final Map<Integer, Expr> assignments = new LinkedHashMap<>();

  public UpdateWriter(TableInfo table, List<Assignment> assignments, List<Value> args) {
    this.table = table;
    this.args = args;
    for (Assignment a : assignments) {
      if (table.isKey(a.target())) {
        throw new UnsupportedFeatureException(Feature.KEY_UPDATE, TableInfo.BACKEND,
            (table.model() == null ? table.name() : table.model()) + "."
            + table.fieldName(a.target()) + " is part of the key; delete the record and create "
            + "it again with the new key");
      }
      this.assignments.remove(a.target());
      this.assignments.put(a.target(), a.value());
      check(a.value());
    }
  }

  private void check(Expr e) {
    if (e instanceof Expr.Arith a) {
      if (a.op() != Expr.ArithOp.ADD && a.op() != Expr.ArithOp.SUB
          || !isOperand(a.left()) || !isOperand(a.right())) {
        throw new UnsupportedFeatureException(Feature.UPDATE_EXPRESSION, TableInfo.BACKEND,
            "nested arithmetic in an update: DynamoDB's SET takes one + or -: " + e);
      }
    } else if (!isOperand(e)) {
      throw new UnsupportedFeatureException(Feature.UPDATE_EXPRESSION,
          TableInfo.BACKEND, e.getClass().getSimpleName() + " in an update" + ": "
          + String.valueOf(e));
    }
  }

  private static boolean isOperand(Expr e) {
    return e instanceof Expr.Arg || e instanceof Expr.Const || e instanceof Expr.Column;
  }

  /** The assigned columns. */
  public java.util.Set<Integer> targets() {
    return assignments.keySet();
  }

  /** The update expression, with its placeholders in {@code ph}. */
  public String expression(Placeholders ph) {
    List<String> set = new ArrayList<>();
    List<String> remove = new ArrayList<>();
    assignments.forEach((column, value) -> {
      String target = ph.name(table.attribute(column));
      String rhs = rhs(value, ph);
      if (rhs == null) {
        remove.add(target);
      } else {
        set.add(target + " = " + rhs);
      }
    });
    StringBuilder out = new StringBuilder();
    if (!set.isEmpty()) {
      out.append("SET ").append(String.join(", ", set));
    }
    if (!remove.isEmpty()) {
      out.append(out.length() == 0 ? "" : " ").append("REMOVE ").append(String.join(", ", remove));
    }
    return out.toString();
  }

  /** The right-hand side, or null when the result is NULL (the attribute is removed). */
  private String rhs(Expr e, Placeholders ph) {
    if (e instanceof Expr.Arith a) {
      String l = rhs(a.left(), ph);
      String r = rhs(a.right(), ph);
      return l == null || r == null ? null : l + " " + a.op().symbol() + " " + r;
    }
    if (e instanceof Expr.Column c) {
      return ph.name(table.attribute(c.index()));
    }
    AttributeValue v = AttributeCodec.encode(value(e));
    return v == null ? null : ph.value(v);
  }

  private Value value(Expr e) {
    return e instanceof Expr.Arg a ? args.get(a.index()) : ((Expr.Const) e).value();
  }

  /**
   * The item as it is after the assignments, computed from {@code before} (arithmetic in
   * decimal, as DynamoDB does it). Used where the driver must know new values before writing:
   * uniqueness items.
   */
  public Map<String, AttributeValue> apply(Map<String, AttributeValue> before) {
    Map<String, AttributeValue> after = new HashMap<>(before);
    assignments.forEach((column, value) -> {
      AttributeValue v = evaluate(value, before);
      String attr = table.attribute(column);
      if (v == null) {
        after.remove(attr);
      } else {
        after.put(attr, v);
      }
    });
    return after;
  }

  private AttributeValue evaluate(Expr e, Map<String, AttributeValue> item) {
    if (e instanceof Expr.Arith a) {
      AttributeValue l = evaluate(a.left(), item);
      AttributeValue r = evaluate(a.right(), item);
      if (l == null || r == null || l.n() == null || r.n() == null) {
        return null;
      }
      BigDecimal x = new BigDecimal(l.n());
      BigDecimal y = new BigDecimal(r.n());
      return AttributeValue.fromN((a.op() == Expr.ArithOp.ADD ? x.add(y) : x.subtract(y))
          .toPlainString());
    }
    if (e instanceof Expr.Column c) {
      AttributeValue v = item.get(table.attribute(c.index()));
      return Values3.isNull(v) ? null : v;
    }
    return AttributeCodec.encode(value(e));
  }
}
