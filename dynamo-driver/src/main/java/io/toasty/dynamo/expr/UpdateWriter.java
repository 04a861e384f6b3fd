package io.toasty.dynamo.expr;

import io.toasty.Feature;
import io.toasty.UnsupportedFeatureException;
import io.toasty.dynamo.codec.AttributeCodec;
import io.toasty.dynamo.table.TableInfo;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.Expr;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An update's assignments as a DynamoDB {@code UpdateExpression}: {@code SET #a = :v} for a value,
 * {@code SET #a = #b} to copy an attribute, {@code SET #a = #a + :v} for one {@code +} or
 * {@code -} (as DynamoDB allows), and {@code REMOVE #a} for NULL. The last assignment of a column
 * wins. Key columns cannot be assigned: DynamoDB addresses items by their key.
 *
 * <p>Every other value is <em>computed</em>: {@code * / %}, nested arithmetic, text functions, a
 * sum DynamoDB could not guard against leaving an integer field's range (anything but the field
 * itself {@code ±} a number), and arithmetic over a field that may be absent (DynamoDB fails the
 * whole update on a missing operand where SQL gives NULL). Its value comes from the item as read
 * ({@link ItemEval}) and is written as a plain value; the caller reads the item first and
 * conditions the write on {@link #reads()} being still as read.
 */
public final class UpdateWriter {
  private final TableInfo table;
  private final List<Value> args;
  private final Map<Integer, Expr> assignments = new LinkedHashMap<>();
  private final Set<Integer> computed = new LinkedHashSet<>();

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
      computed.remove(a.target());
      if (!isNative(a.target(), a.value())) {
        computed.add(a.target());
      }
    }
  }

  /** Whether DynamoDB computes {@code e} for column {@code target} itself. */
  private boolean isNative(int target, Expr e) {
    if (e instanceof Expr.CollectionChange c) {
      // the planner lets only an append to a list through: list_append, absent as empty
      return c.op() == Expr.ChangeOp.ADD && c.type().shape() == Type.CollectionOf.Shape.LIST
          && c.operand() instanceof Expr.Column;
    }
    if (isOperand(e)) {
      return !mayBeAbsent(e); // DynamoDB cannot copy an attribute that is not there
    }
    if (!(e instanceof Expr.Arith a) || a.op() != Expr.ArithOp.ADD && a.op() != Expr.ArithOp.SUB
        || !isOperand(a.left()) || !isOperand(a.right())
        || mayBeAbsent(a.left()) || mayBeAbsent(a.right())) {
      return false;
    }
    // a sum on an integer field stays native only where RangeGuard can bound the old value
    return IntegerRange.of(table.column(target).type()) == null
        || isColumn(a.left(), target) && !(a.right() instanceof Expr.Column)
        || isColumn(a.right(), target) && !(a.left() instanceof Expr.Column);
  }

  private boolean mayBeAbsent(Expr e) {
    return e instanceof Expr.Column c && table.column(c.index()).nullable();
  }

  private static boolean isColumn(Expr e, int column) {
    return e instanceof Expr.Column c && c.index() == column;
  }

  private static boolean isOperand(Expr e) {
    return e instanceof Expr.Arg || e instanceof Expr.Const || e instanceof Expr.Column;
  }

  /** The assigned columns. */
  public Set<Integer> targets() {
    return assignments.keySet();
  }

  /** Whether some value is computed from the item as read (see the class comment). */
  public boolean computes() {
    return !computed.isEmpty();
  }

  /** The columns the computed values read: a write must find them as they were read. */
  public Set<Integer> reads() {
    Set<Integer> out = new LinkedHashSet<>();
    computed.forEach(c -> columns(assignments.get(c), out));
    return out;
  }

  private static void columns(Expr e, Set<Integer> out) {
    if (e instanceof Expr.Column c) {
      out.add(c.index());
    } else if (e instanceof Expr.Arith a) {
      columns(a.left(), out);
      columns(a.right(), out);
    } else if (e instanceof Expr.Func f) {
      columns(f.operand(), out);
    }
  }

  /** The update expression, with its placeholders in {@code ph}; nothing may be computed. */
  public String expression(Placeholders ph) {
    if (computes()) {
      throw new IllegalStateException("computed assignments need the item as read");
    }
    return expression(ph, Map.of());
  }

  /**
   * The update expression with the computed values taken from {@code old}, the item as read.
   *
   * @throws io.toasty.ValueOutOfRangeException when a computed value leaves its field's range
   */
  public String expression(Placeholders ph, Map<String, AttributeValue> old) {
    List<String> set = new ArrayList<>();
    List<String> remove = new ArrayList<>();
    assignments.forEach((column, value) -> {
      String target = ph.name(table.attribute(column));
      String rhs;
      if (computed.contains(column)) {
        AttributeValue v = ItemEval.assign(table, column, value, args, old);
        rhs = v == null ? null : ph.value(v);
      } else {
        rhs = rhs(value, ph);
      }
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
    if (e instanceof Expr.CollectionChange c) {
      String list = ph.name(table.attribute(((Expr.Column) c.operand()).index()));
      return "list_append(if_not_exists(" + list + ", " + ph.value(AttributeValue.fromL(
          List.of())) + "), " + ph.value(AttributeCodec.encode(value(c.items()))) + ")";
    }
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

  /**
   * The attributes the assignments set to values known before reading the item (not computed
   * from it), encoded: with the key, a lower bound of the updated item's size.
   */
  public Map<String, AttributeValue> known() {
    Map<String, AttributeValue> known = new HashMap<>();
    assignments.forEach((column, value) -> {
      // a copy of another attribute (Expr.Column) is not known before reading: left out
      if (value instanceof Expr.Arg || value instanceof Expr.Const) {
        AttributeValue v = AttributeCodec.encode(value(value));
        if (v != null) {
          known.put(table.attribute(column), v);
        }
      }
    });
    return known;
  }

  private Value value(Expr e) {
    return e instanceof Expr.Arg a ? args.get(a.index()) : ((Expr.Const) e).value();
  }

  /**
   * The item as it is after the assignments, computed from {@code before} (arithmetic in
   * decimal, as DynamoDB does it). Used where the driver must know new values before writing:
   * uniqueness items, and the range of a sum that failed its guard.
   *
   * @throws io.toasty.ValueOutOfRangeException when a value leaves its integer field's range
   */
  public Map<String, AttributeValue> apply(Map<String, AttributeValue> before) {
    Map<String, AttributeValue> after = new HashMap<>(before);
    assignments.forEach((column, value) -> {
      AttributeValue v;
      if (value instanceof Expr.Column c) {
        v = before.get(table.attribute(c.index()));
        v = Values3.isNull(v) ? null : v;
      } else if (value instanceof Expr.CollectionChange c) {
        AttributeValue old = before.get(table.attribute(((Expr.Column) c.operand()).index()));
        List<AttributeValue> items = new ArrayList<>(Values3.isNull(old) ? List.of() : old.l());
        items.addAll(AttributeCodec.encode(value(c.items())).l());
        v = AttributeValue.fromL(items);
      } else if (isOperand(value)) {
        v = AttributeCodec.encode(value(value));
      } else {
        v = ItemEval.assign(table, column, value, args, before);
      }
      String attr = table.attribute(column);
      if (v == null) {
        after.remove(attr);
      } else {
        after.put(attr, v);
      }
    });
    return after;
  }
}
