package io.toasty.planner.eval;

import io.toasty.planner.expr.Children;
import io.toasty.planner.expr.Walk;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Returning;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates a {@link Returning.Grouped} over rows fed one at a time, with SQL's semantics: rows
 * fall into groups by their group-by values (NULLs group together), each aggregate of the
 * expressions and the having keeps one {@link Accumulator} per group, and a query without group
 * by has exactly one group even when no row came. Memory: one accumulator per aggregate per group
 * (plus the values seen, for a DISTINCT aggregate).
 */
public final class Grouping {
  private final Returning.Grouped grouped;
  private final List<Value> args;
  private final List<ExprNode.Aggregate> aggregates = new ArrayList<>();
  private final Map<List<Value>, Accumulator[]> groups = new LinkedHashMap<>();

  /** A grouping of {@code grouped} whose argument slots hold {@code args}. */
  public Grouping(Returning.Grouped grouped, List<Value> args) {
    this.grouped = grouped;
    this.args = args;
    List<ExprNode> all = new ArrayList<>(grouped.exprs());
    all.add(grouped.having());
    for (ExprNode e : all) {
      Walk.each(e, x -> {
        if (x instanceof ExprNode.Aggregate a && !aggregates.contains(a)) {
          aggregates.add(a);
        }
      });
    }
  }

  /**
   * What aggregate {@code op} gives over no rows, as SQL gives it: 0 for a count, NULL for the
   * others.
   */
  public static Value ofNoRows(ExprNode.AggOp op) {
    return new Accumulator(op, false).result();
  }

  /** Adds {@code row} (the table's columns, by column index) to its group. */
  public void add(Value.Record row) {
    List<Value> key = new ArrayList<>(grouped.groupBy().size());
    for (ExprNode g : grouped.groupBy()) {
      key.add(Eval.eval(g, args, row));
    }
    Accumulator[] accs = groups.computeIfAbsent(key, k -> newAccumulators());
    for (int i = 0; i < accs.length; i++) {
      ExprNode.Aggregate a = aggregates.get(i);
      accs[i].add(
          a.op() == ExprNode.AggOp.COUNT_ALL ? Value.TRUE : Eval.eval(a.operand(), args, row));
    }
  }

  /** One record of the expressions per group kept by the having, in first-seen group order. */
  public List<Value.Record> finish() {
    if (groups.isEmpty() && grouped.groupBy().isEmpty()) {
      groups.put(List.of(), newAccumulators());
    }
    Set<Value.Record> out = new LinkedHashSet<>();
    List<Value.Record> all = new ArrayList<>(groups.size());
    groups.forEach((key, accs) -> {
      if (!Eval.isTrue(resolve(grouped.having(), key, accs), args, null)) {
        return;
      }
      List<Value> values = new ArrayList<>(grouped.exprs().size());
      for (ExprNode e : grouped.exprs()) {
        values.add(Eval.eval(resolve(e, key, accs), args, null));
      }
      Value.Record record = new Value.Record(values);
      if (!grouped.distinct() || out.add(record)) {
        all.add(record);
      }
    });
    return all;
  }

  /** {@code e} with each group-by expression and aggregate replaced by the group's value. */
  private ExprNode resolve(ExprNode e, List<Value> key, Accumulator[] accs) {
    int g = grouped.groupBy().indexOf(e);
    if (g >= 0) {
      return new ExprNode.Const(key.get(g));
    }
    if (e instanceof ExprNode.Aggregate a) {
      return new ExprNode.Const(accs[aggregates.indexOf(a)].result());
    }
    return Children.map(e, x -> resolve(x, key, accs));
  }

  private Accumulator[] newAccumulators() {
    Accumulator[] accs = new Accumulator[aggregates.size()];
    for (int i = 0; i < accs.length; i++) {
      accs[i] = new Accumulator(aggregates.get(i).op(), aggregates.get(i).distinct());
    }
    return accs;
  }
}
