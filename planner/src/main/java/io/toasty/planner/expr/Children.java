package io.toasty.planner.expr;

import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The direct children of an expression: rebuild a node with each child mapped, or visit them.
 * Unchanged nodes are returned as the same instance, so passes can tell cheaply what they touched.
 */
public final class Children {
  private Children() {}

  /** {@code e} with each direct child expression mapped by {@code f} and each subquery by {@code q}. */
  public static ExprNode map(ExprNode e, UnaryOperator<ExprNode> f, UnaryOperator<Query> q) {
    if (e instanceof ExprNode.Compare c) {
      ExprNode l = f.apply(c.left());
      ExprNode r = f.apply(c.right());
      return l == c.left() && r == c.right() ? e : new ExprNode.Compare(c.op(), l, r);
    } else if (e instanceof ExprNode.Arith a) {
      ExprNode l = f.apply(a.left());
      ExprNode r = f.apply(a.right());
      return l == a.left() && r == a.right() ? e : new ExprNode.Arith(a.op(), l, r);
    } else if (e instanceof ExprNode.Aggregate ag) {
      ExprNode x = f.apply(ag.operand());
      return x == ag.operand() ? e : new ExprNode.Aggregate(ag.op(), x, ag.distinct());
    } else if (e instanceof ExprNode.Func fn) {
      ExprNode x = f.apply(fn.operand());
      return x == fn.operand() ? e : new ExprNode.Func(fn.op(), x);
    } else if (e instanceof ExprNode.JsonText j) {
      ExprNode x = f.apply(j.operand());
      return x == j.operand() ? e : new ExprNode.JsonText(x, j.path());
    } else if (e instanceof ExprNode.Contains c) {
      ExprNode x = f.apply(c.operand());
      ExprNode item = f.apply(c.item());
      return x == c.operand() && item == c.item() ? e : new ExprNode.Contains(x, c.type(), item);
    } else if (e instanceof ExprNode.IsEmpty i) {
      ExprNode x = f.apply(i.operand());
      return x == i.operand() ? e : new ExprNode.IsEmpty(x, i.type());
    } else if (e instanceof ExprNode.CollectionChange c) {
      ExprNode x = f.apply(c.operand());
      ExprNode items = f.apply(c.items());
      return x == c.operand() && items == c.items() ? e
          : new ExprNode.CollectionChange(c.op(), x, c.type(), items);
    } else if (e instanceof ExprNode.And a) {
      List<ExprNode> ops = list(a.operands(), f);
      return ops == a.operands() ? e : new ExprNode.And(ops);
    } else if (e instanceof ExprNode.Or o) {
      List<ExprNode> ops = list(o.operands(), f);
      return ops == o.operands() ? e : new ExprNode.Or(ops);
    } else if (e instanceof ExprNode.Not n) {
      ExprNode x = f.apply(n.operand());
      return x == n.operand() ? e : new ExprNode.Not(x);
    } else if (e instanceof ExprNode.IsNull n) {
      ExprNode x = f.apply(n.operand());
      return x == n.operand() ? e : new ExprNode.IsNull(x);
    } else if (e instanceof ExprNode.IsNotDistinctFrom d) {
      ExprNode l = f.apply(d.left());
      ExprNode r = f.apply(d.right());
      return l == d.left() && r == d.right() ? e : new ExprNode.IsNotDistinctFrom(l, r);
    } else if (e instanceof ExprNode.Pattern p) {
      ExprNode x = f.apply(p.operand());
      ExprNode pat = f.apply(p.pattern());
      return x == p.operand() && pat == p.pattern() ? e
          : new ExprNode.Pattern(p.kind(), x, pat, p.ignoreCase());
    } else if (e instanceof ExprNode.InList in) {
      ExprNode x = f.apply(in.operand());
      List<ExprNode> items = list(in.items(), f);
      return x == in.operand() && items == in.items() ? e : new ExprNode.InList(x, items);
    } else if (e instanceof ExprNode.InSubquery s) {
      ExprNode x = f.apply(s.operand());
      Query sub = q.apply(s.query());
      return x == s.operand() && sub == s.query() ? e : new ExprNode.InSubquery(x, sub);
    } else if (e instanceof ExprNode.Exists x) {
      Query sub = q.apply(x.query());
      return sub == x.query() ? e : new ExprNode.Exists(sub);
    } else if (e instanceof ExprNode.Record r) {
      List<ExprNode> fields = list(r.fields(), f);
      return fields == r.fields() ? e : new ExprNode.Record(fields);
    } else if (e instanceof ExprNode.Project p) {
      ExprNode b = f.apply(p.base());
      return b == p.base() ? e : new ExprNode.Project(b, p.index());
    } else if (e instanceof ExprNode.Outer o) {
      ExprNode x = f.apply(o.operand());
      return x == o.operand() ? e : new ExprNode.Outer(x);
    } else if (e instanceof ExprNode.Case c) {
      ExprNode x = f.apply(c.operand());
      List<ExprNode> whens = list(c.whens(), f);
      List<ExprNode> thens = list(c.thens(), f);
      ExprNode otherwise = f.apply(c.otherwise());
      return x == c.operand() && whens == c.whens() && thens == c.thens()
          && otherwise == c.otherwise() ? e : new ExprNode.Case(x, whens, thens, otherwise);
    } else if (e instanceof ExprNode.Sql s) {
      List<ExprNode> ops = list(s.operands(), f);
      return ops == s.operands() ? e : new ExprNode.Sql(s.pieces(), ops, s.unbound());
    } else if (e instanceof ExprNode.Scalar x) {
      Query sub = q.apply(x.query());
      return sub == x.query() ? e : new ExprNode.Scalar(sub);
    } else if (e instanceof ExprNode.RelatedAggregate r) {
      // Filter and aggregated operand are over the related model's fields, as a Related's: the
      // aggregate node itself is no child, so a walk finds no aggregate of the outer query here.
      ExprNode x = f.apply(r.filter());
      ExprNode operand = f.apply(r.aggregate().operand());
      return x == r.filter() && operand == r.aggregate().operand() ? e
          : new ExprNode.RelatedAggregate(r.relation(), x, new ExprNode.Aggregate(
              r.aggregate().op(), operand, r.aggregate().distinct()));
    } else if (e instanceof ExprNode.Related r) {
      // The filter is over the related model's fields: a child in its own scope.
      ExprNode x = f.apply(r.filter());
      return x == r.filter() ? e : r.withFilter(x);
    }
    return e;
  }

  /** {@code e} with each direct child mapped; subqueries are left as they are. */
  public static ExprNode map(ExprNode e, UnaryOperator<ExprNode> f) {
    return map(e, f, UnaryOperator.identity());
  }

  /** {@code items} mapped by {@code f}: the same list instance when nothing changed. */
  public static <T extends ExprNode> List<T> list(List<T> items, UnaryOperator<ExprNode> f) {
    List<T> out = null;
    for (int i = 0; i < items.size(); i++) {
      T item = items.get(i);
      @SuppressWarnings("unchecked")
      T mapped = (T) f.apply(item);
      if (out == null && mapped != item) {
        out = new ArrayList<>(items.size()); // its final size: no growth, no copy of a prefix
        for (int j = 0; j < i; j++) {
          out.add(items.get(j));
        }
      }
      if (out != null) {
        out.add(mapped);
      }
    }
    return out == null ? items : out;
  }

  /** Calls {@code f} on each direct child expression (not into subqueries). */
  public static void forEach(ExprNode e, Consumer<ExprNode> f) {
    map(e, c -> {
      f.accept(c);
      return c;
    });
  }
}
