package io.toasty.filter;

import io.toasty.filter.Operator.Operand;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.ExprNode.CompareOp;
import io.toasty.stmt.ExprNode.PatternKind;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The field operators a {@link FilterParser} knows, by name: a table, so that a new operator
 * (say {@code $between}, once the DSL has it) is one entry. Every entry builds the same node the
 * typed DSL builds ({@code Users.AGE.ge(18)}, {@code Users.NAME.startsWith("A")}).
 */
public final class Operators {
  private final Map<String, Operator> byName;

  private Operators(Map<String, Operator> byName) {
    this.byName = Collections.unmodifiableMap(byName);
  }

  /** The operators of the filter language, as listed in {@code docs/queries.md}. */
  public static final Operators STANDARD = new Operators(table(List.of(
      new Operator("$eq", Operand.VALUE_OR_NULL, false, (f, v) -> equal(f, v.get(0))),
      new Operator("$ne", Operand.VALUE_OR_NULL, false, (f, v) -> notEqual(f, v.get(0))),
      compare("$gt", CompareOp.GT),
      compare("$gte", CompareOp.GE),
      compare("$lt", CompareOp.LT),
      compare("$lte", CompareOp.LE),
      new Operator("$in", Operand.VALUES, false, (f, v) -> new ExprNode.InList(f, consts(v))),
      new Operator("$nin", Operand.VALUES, false,
          (f, v) -> new ExprNode.Not(new ExprNode.InList(f, consts(v)))),
      new Operator("$null", Operand.FLAG, false, (f, v) -> v.get(0).equals(Value.TRUE)
          ? new ExprNode.IsNull(f) : new ExprNode.Not(new ExprNode.IsNull(f))),
      pattern("$startsWith", PatternKind.STARTS_WITH, false),
      pattern("$startsWithIgnoreCase", PatternKind.STARTS_WITH, true),
      pattern("$endsWith", PatternKind.ENDS_WITH, false),
      pattern("$endsWithIgnoreCase", PatternKind.ENDS_WITH, true),
      pattern("$contains", PatternKind.CONTAINS, false),
      pattern("$containsIgnoreCase", PatternKind.CONTAINS, true),
      pattern("$like", PatternKind.LIKE, false),
      pattern("$likeIgnoreCase", PatternKind.LIKE, true))));

  /** The operator called {@code name}, or null. */
  public @Nullable Operator get(String name) {
    return byName.get(name);
  }

  /** The operators' names, in table order. */
  public List<String> names() {
    return List.copyOf(byName.keySet());
  }

  /** These operators and {@code more}; an entry of the same name replaces the earlier one. */
  public Operators with(Operator... more) {
    Map<String, Operator> all = new LinkedHashMap<>(byName);
    for (Operator op : more) {
      all.put(op.name(), op);
    }
    return new Operators(all);
  }

  private static Map<String, Operator> table(List<Operator> ops) {
    Map<String, Operator> out = new LinkedHashMap<>();
    ops.forEach(op -> out.put(op.name(), op));
    return out;
  }

  /** {@code = v}, or {@code IS NULL} for a null: what {@code {"field": null}} means. */
  private static ExprNode equal(ExprNode field, Value v) {
    return v instanceof Value.Null ? new ExprNode.IsNull(field)
        : new ExprNode.Compare(CompareOp.EQ, field, new ExprNode.Const(v));
  }

  /** {@code <> v}, or {@code IS NOT NULL} for a null. */
  private static ExprNode notEqual(ExprNode field, Value v) {
    return v instanceof Value.Null ? new ExprNode.Not(new ExprNode.IsNull(field))
        : new ExprNode.Compare(CompareOp.NE, field, new ExprNode.Const(v));
  }

  private static Operator compare(String name, CompareOp op) {
    return new Operator(name, Operand.VALUE, false,
        (f, v) -> new ExprNode.Compare(op, f, new ExprNode.Const(v.get(0))));
  }

  private static Operator pattern(String name, PatternKind kind, boolean ignoreCase) {
    return new Operator(name, Operand.VALUE, true,
        (f, v) -> new ExprNode.Pattern(kind, f, new ExprNode.Const(v.get(0)), ignoreCase));
  }

  private static List<ExprNode> consts(List<Value> values) {
    List<ExprNode> out = new ArrayList<>(values.size());
    values.forEach(v -> out.add(new ExprNode.Const(v)));
    return out;
  }
}
