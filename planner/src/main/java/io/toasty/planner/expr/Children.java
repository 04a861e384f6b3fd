package io.toasty.planner.expr;

import io.toasty.stmt.Expr;
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
  public static Expr map(Expr e, UnaryOperator<Expr> f, UnaryOperator<Query> q) {
    if (e instanceof Expr.Compare c) {
      Expr l = f.apply(c.left());
      Expr r = f.apply(c.right());
      return l == c.left() && r == c.right() ? e : new Expr.Compare(c.op(), l, r);
    } else if (e instanceof Expr.Arith a) {
      Expr l = f.apply(a.left());
      Expr r = f.apply(a.right());
      return l == a.left() && r == a.right() ? e : new Expr.Arith(a.op(), l, r);
    } else if (e instanceof Expr.Aggregate ag) {
      Expr x = f.apply(ag.operand());
      return x == ag.operand() ? e : new Expr.Aggregate(ag.op(), x, ag.distinct());
    } else if (e instanceof Expr.Func fn) {
      Expr x = f.apply(fn.operand());
      return x == fn.operand() ? e : new Expr.Func(fn.op(), x);
    } else if (e instanceof Expr.JsonText j) {
      Expr x = f.apply(j.operand());
      return x == j.operand() ? e : new Expr.JsonText(x, j.path());
    } else if (e instanceof Expr.Contains c) {
      Expr x = f.apply(c.operand());
      Expr item = f.apply(c.item());
      return x == c.operand() && item == c.item() ? e : new Expr.Contains(x, c.type(), item);
    } else if (e instanceof Expr.IsEmpty i) {
      Expr x = f.apply(i.operand());
      return x == i.operand() ? e : new Expr.IsEmpty(x, i.type());
    } else if (e instanceof Expr.CollectionChange c) {
      Expr x = f.apply(c.operand());
      Expr items = f.apply(c.items());
      return x == c.operand() && items == c.items() ? e
          : new Expr.CollectionChange(c.op(), x, c.type(), items);
    } else if (e instanceof Expr.And a) {
      List<Expr> ops = list(a.operands(), f);
      return ops == a.operands() ? e : new Expr.And(ops);
    } else if (e instanceof Expr.Or o) {
      List<Expr> ops = list(o.operands(), f);
      return ops == o.operands() ? e : new Expr.Or(ops);
    } else if (e instanceof Expr.Not n) {
      Expr x = f.apply(n.operand());
      return x == n.operand() ? e : new Expr.Not(x);
    } else if (e instanceof Expr.IsNull n) {
      Expr x = f.apply(n.operand());
      return x == n.operand() ? e : new Expr.IsNull(x);
    } else if (e instanceof Expr.IsNotDistinctFrom d) {
      Expr l = f.apply(d.left());
      Expr r = f.apply(d.right());
      return l == d.left() && r == d.right() ? e : new Expr.IsNotDistinctFrom(l, r);
    } else if (e instanceof Expr.Pattern p) {
      Expr x = f.apply(p.operand());
      Expr pat = f.apply(p.pattern());
      return x == p.operand() && pat == p.pattern() ? e
          : new Expr.Pattern(p.kind(), x, pat, p.ignoreCase());
    } else if (e instanceof Expr.InList in) {
      Expr x = f.apply(in.operand());
      List<Expr> items = list(in.items(), f);
      return x == in.operand() && items == in.items() ? e : new Expr.InList(x, items);
    } else if (e instanceof Expr.InSubquery s) {
      Expr x = f.apply(s.operand());
      Query sub = q.apply(s.query());
      return x == s.operand() && sub == s.query() ? e : new Expr.InSubquery(x, sub);
    } else if (e instanceof Expr.Exists x) {
      Query sub = q.apply(x.query());
      return sub == x.query() ? e : new Expr.Exists(sub);
    } else if (e instanceof Expr.Record r) {
      List<Expr> fields = list(r.fields(), f);
      return fields == r.fields() ? e : new Expr.Record(fields);
    } else if (e instanceof Expr.Project p) {
      Expr b = f.apply(p.base());
      return b == p.base() ? e : new Expr.Project(b, p.index());
    } else if (e instanceof Expr.Case c) {
      Expr x = f.apply(c.operand());
      List<Expr> whens = list(c.whens(), f);
      List<Expr> thens = list(c.thens(), f);
      Expr otherwise = f.apply(c.otherwise());
      return x == c.operand() && whens == c.whens() && thens == c.thens()
          && otherwise == c.otherwise() ? e : new Expr.Case(x, whens, thens, otherwise);
    } else if (e instanceof Expr.Sql s) {
      List<Expr> ops = list(s.operands(), f);
      return ops == s.operands() ? e : new Expr.Sql(s.pieces(), ops, s.unbound());
    } else if (e instanceof Expr.Related r) {
      // The filter is over the related model's fields: a child in its own scope.
      Expr x = f.apply(r.filter());
      return x == r.filter() ? e : new Expr.Related(r.relation(), r.quantifier(), x);
    }
    return e;
  }

  /** {@code e} with each direct child mapped; subqueries are left as they are. */
  public static Expr map(Expr e, UnaryOperator<Expr> f) {
    return map(e, f, UnaryOperator.identity());
  }

  /** {@code items} mapped by {@code f}: the same list instance when nothing changed. */
  public static <T extends Expr> List<T> list(List<T> items, UnaryOperator<Expr> f) {
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
  public static void forEach(Expr e, Consumer<Expr> f) {
    map(e, c -> {
      f.accept(c);
      return c;
    });
  }
}
