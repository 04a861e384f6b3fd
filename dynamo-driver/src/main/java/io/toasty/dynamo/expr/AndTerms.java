package io.toasty.dynamo.expr;

import io.toasty.stmt.Expr;
import java.util.ArrayList;
import java.util.List;

/** The terms of a conjunction, nested ANDs flattened; TRUE has none. */
public final class AndTerms {
  private AndTerms() {}

  /** The terms of {@code e}. */
  public static List<Expr> of(Expr e) {
    List<Expr> out = new ArrayList<>();
    add(e, out);
    return out;
  }

  private static void add(Expr e, List<Expr> out) {
    if (e instanceof Expr.And and) {
      and.operands().forEach(o -> add(o, out));
    } else if (!e.equals(Expr.TRUE)) {
      out.add(e);
    }
  }

  /** The conjunction of {@code terms}: TRUE for none, the term itself for one. */
  public static Expr and(List<Expr> terms) {
    if (terms.isEmpty()) {
      return Expr.TRUE;
    }
    return terms.size() == 1 ? terms.get(0) : new Expr.And(terms);
  }

  /** The columns {@code e} reads. */
  public static java.util.Set<Integer> columns(Expr e) {
    java.util.Set<Integer> out = new java.util.TreeSet<>();
    collect(e, out);
    return out;
  }

  private static void collect(Expr e, java.util.Set<Integer> out) {
    if (e instanceof Expr.Column c) {
      out.add(c.index());
    } else if (e instanceof Expr.Compare c) {
      collect(c.left(), out);
      collect(c.right(), out);
    } else if (e instanceof Expr.Arith a) {
      collect(a.left(), out);
      collect(a.right(), out);
    } else if (e instanceof Expr.And a) {
      a.operands().forEach(o -> collect(o, out));
    } else if (e instanceof Expr.Or o) {
      o.operands().forEach(x -> collect(x, out));
    } else if (e instanceof Expr.Not n) {
      collect(n.operand(), out);
    } else if (e instanceof Expr.IsNull n) {
      collect(n.operand(), out);
    } else if (e instanceof Expr.InList in) {
      collect(in.operand(), out);
      in.items().forEach(i -> collect(i, out));
    } else if (e instanceof Expr.Record r) {
      r.fields().forEach(f -> collect(f, out));
    } else if (e instanceof Expr.Pattern p) {
      collect(p.operand(), out);
      collect(p.pattern(), out);
    } else if (e instanceof Expr.IsNotDistinctFrom d) {
      collect(d.left(), out);
      collect(d.right(), out);
    } else if (e instanceof Expr.Project p) {
      collect(p.base(), out);
    }
  }
}
