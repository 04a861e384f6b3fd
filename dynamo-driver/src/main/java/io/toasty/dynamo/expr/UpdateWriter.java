package io.toasty.dynamo.expr;

import io.toasty.Feature;
import io.toasty.dynamo.codec.CollectionAttributes;
import io.toasty.dynamo.table.TableInfo;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.ExprNode;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An update's assignments as a DynamoDB {@code UpdateExpression}: {@code SET #a = :v} for a value,
 * {@code SET #a = #b} to copy an attribute, {@code SET #a = #a + :v} for one {@code +} or
 * {@code -} (as DynamoDB allows), {@code REMOVE #a} for NULL (and for the empty set of a set field
 * that is never NULL), and a collection's change as {@link CollectionChanges} writes it
 * ({@code list_append}, {@code ADD}, {@code DELETE}, a map entry's {@code SET} and
 * {@code REMOVE}). The last assignment of a column wins. Key columns cannot be assigned:
 * DynamoDB addresses items by their key.
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
  private final Map<Integer, ExprNode> assignments = new LinkedHashMap<>();
  private final Set<Integer> computed = new LinkedHashSet<>();
  private final List<Assignment> source;

  public UpdateWriter(TableInfo table, List<Assignment> assignments, List<Value> args) {
    this(table, assignments, args, false);
  }

  private UpdateWriter(TableInfo table, List<Assignment> assignments, List<Value> args,
      boolean computeChanges) {
    this.table = table;
    this.args = args;
    this.source = assignments;
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
      if (computeChanges && a.value() instanceof ExprNode.CollectionChange
          || !isNative(a.target(), a.value())) {
        computed.add(a.target());
      }
    }
  }

  /** Whether DynamoDB computes {@code e} for column {@code target} itself. */
  private boolean isNative(int target, ExprNode e) {
    if (e instanceof ExprNode.CollectionChange c) {
      return CollectionChanges.isNative(table, target, c, value(c.items()));
    }
    if (isOperand(e)) {
      return !mayBeAbsent(e); // DynamoDB cannot copy an attribute that is not there
    }
    if (!(e instanceof ExprNode.Arith a)
        || a.op() != ExprNode.ArithOp.ADD && a.op() != ExprNode.ArithOp.SUB
        || !isOperand(a.left())
        || !isOperand(a.right())
        || mayBeAbsent(a.left())
        || mayBeAbsent(a.right())) {
      return false;
    }
    // a sum on an integer field stays native only where RangeGuard can bound the old value
    return IntegerRange.of(table.column(target).type()) == null
        || isColumn(a.left(), target) && !(a.right() instanceof ExprNode.Column)
        || isColumn(a.right(), target) && !(a.left() instanceof ExprNode.Column);
  }

  private boolean mayBeAbsent(ExprNode e) {
    return e instanceof ExprNode.Column c && table.column(c.index()).nullable();
  }

  private static boolean isColumn(ExprNode e, int column) {
    return e instanceof ExprNode.Column c && c.index() == column;
  }

  private static boolean isOperand(ExprNode e) {
    return e instanceof ExprNode.Arg || e instanceof ExprNode.Const || e instanceof ExprNode.Column;
  }

  /**
   * This update with every change of a collection computed from the item as read: for an item
   * whose set a native change's guard found held otherwise ({@link #guard}).
   */
  public UpdateWriter computingChanges() {
    return new UpdateWriter(table, source, args, true);
  }

  /**
   * What the native changes of sets need of the item to be made ({@link CollectionChanges});
   * a write failing it is sent again by {@link #computingChanges()}.
   */
  public Cond guard(Placeholders ph) {
    List<Cond> parts = new ArrayList<>();
    assignments.forEach((column, value) -> {
      if (!computed.contains(column) && value instanceof ExprNode.CollectionChange c) {
        parts.add(CollectionChanges.guard(table, c, value(c.items()), ph));
      }
    });
    return Cond.and(parts);
  }

  /** Whether a native change of a set is guarded ({@link #guard}). */
  public boolean guardsChanges() {
    for (Map.Entry<Integer, ExprNode> a : assignments.entrySet()) {
      if (!computed.contains(a.getKey()) && a.getValue() instanceof ExprNode.CollectionChange c
          && c.type().shape() == Type.CollectionOf.Shape.SET) {
        return true;
      }
    }
    return false;
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

  private static void columns(@Nullable ExprNode e, Set<Integer> out) {
    if (e instanceof ExprNode.Column c) {
      out.add(c.index());
    } else if (e instanceof ExprNode.Arith a) {
      columns(a.left(), out);
      columns(a.right(), out);
    } else if (e instanceof ExprNode.Func f) {
      columns(f.operand(), out);
    } else if (e instanceof ExprNode.CollectionChange c) {
      columns(c.operand(), out);
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
   * @throws io.toasty.error.ValueOutOfRangeException when a computed value leaves its field's range
   */
  public String expression(Placeholders ph, Map<String, AttributeValue> old) {
    List<String> set = new ArrayList<>();
    List<String> remove = new ArrayList<>();
    List<String> add = new ArrayList<>();
    List<String> delete = new ArrayList<>();
    assignments.forEach((column, value) -> {
      String target = ph.name(table.attribute(column));
      String rhs;
      if (computed.contains(column)) {
        AttributeValue v = value instanceof ExprNode.CollectionChange c
            ? CollectionChanges.compute(table, column, c, value(c.items()), old)
            : ItemEval.assign(table, column, value, args, old);
        rhs = v == null ? null : ph.value(v);
      } else if (value instanceof ExprNode.CollectionChange c) {
        CollectionChanges.clauses(table, c, value(c.items()), ph, set, remove, add, delete);
        return;
      } else {
        rhs = rhs(column, value, ph);
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
    section(out, "REMOVE ", remove);
    section(out, "ADD ", add);
    section(out, "DELETE ", delete);
    return out.toString();
  }

  private static void section(StringBuilder out, String action, List<String> clauses) {
    if (!clauses.isEmpty()) {
      out.append(out.length() == 0 ? "" : " ").append(action).append(String.join(", ", clauses));
    }
  }

  /**
   * The right-hand side of column {@code column}'s assignment, or null when the attribute is
   * removed (NULL, or an empty set that is never NULL).
   */
  private @Nullable String rhs(int column, ExprNode e, Placeholders ph) {
    if (e instanceof ExprNode.Arith a) {
      String l = rhs(column, a.left(), ph);
      String r = rhs(column, a.right(), ph);
      return l == null || r == null ? null : l + " " + a.op().symbol() + " " + r;
    }
    if (e instanceof ExprNode.Column c) {
      return ph.name(table.attribute(c.index()));
    }
    AttributeValue v = CollectionAttributes.encodeColumn(value(e),
        table.column(column).nullable());
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
      if (value instanceof ExprNode.Arg || value instanceof ExprNode.Const) {
        AttributeValue v = CollectionAttributes.encodeColumn(value(value),
            table.column(column).nullable());
        if (v != null) {
          known.put(table.attribute(column), v);
        }
      }
    });
    return known;
  }

  private Value value(ExprNode e) {
    return e instanceof ExprNode.Arg a ? args.get(a.index()) : ((ExprNode.Const) e).value();
  }

  /**
   * The item as it is after the assignments, computed from {@code before} (arithmetic in
   * decimal, as DynamoDB does it). Used where the driver must know new values before writing:
   * uniqueness items, and the range of a sum that failed its guard.
   *
   * @throws io.toasty.error.ValueOutOfRangeException when a value leaves its integer field's range
   */
  public Map<String, AttributeValue> apply(Map<String, AttributeValue> before) {
    Map<String, AttributeValue> after = new HashMap<>(before);
    assignments.forEach((column, value) -> {
      AttributeValue v;
      if (value instanceof ExprNode.Column c) {
        v = before.get(table.attribute(c.index()));
        v = Values3.isNull(v) ? null : v;
      } else if (value instanceof ExprNode.CollectionChange c) {
        v = CollectionChanges.compute(table, column, c, value(c.items()), before);
      } else if (isOperand(value)) {
        v = CollectionAttributes.encodeColumn(value(value), table.column(column).nullable());
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
