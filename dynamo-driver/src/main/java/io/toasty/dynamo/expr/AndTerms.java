package io.toasty.dynamo.expr;

import io.toasty.stmt.ExprNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The terms of a conjunction, nested ANDs flattened; TRUE has none. */
public final class AndTerms {
  private AndTerms() {}

  /** The terms of {@code e}. */
  public static List<ExprNode> of(ExprNode e) {
    List<ExprNode> out = new ArrayList<>();
    add(e, out);
    return out;
  }

  private static void add(ExprNode e, List<ExprNode> out) {
    if (e instanceof ExprNode.And and) {
      and.operands().forEach(o -> add(o, out));
    } else if (!e.equals(ExprNode.TRUE)) {
      out.add(e);
    }
  }

  /** The conjunction of {@code terms}: TRUE for none, the term itself for one. */
  public static ExprNode and(List<ExprNode> terms) {
    if (terms.isEmpty()) {
      return ExprNode.TRUE;
    }
    return terms.size() == 1 ? terms.get(0) : new ExprNode.And(terms);
  }

  /** The columns {@code e} reads. */
  public static Set<Integer> columns(ExprNode e) {
    Set<Integer> out = new TreeSet<>();
    collect(e, out);
    return out;
  }

  private static void collect(ExprNode e, Set<Integer> out) {
    if (e instanceof ExprNode.Column c) {
      out.add(c.index());
    } else if (e instanceof ExprNode.Compare c) {
      collect(c.left(), out);
      collect(c.right(), out);
    } else if (e instanceof ExprNode.Arith a) {
      collect(a.left(), out);
      collect(a.right(), out);
    } else if (e instanceof ExprNode.And a) {
      a.operands().forEach(o -> collect(o, out));
    } else if (e instanceof ExprNode.Or o) {
      o.operands().forEach(x -> collect(x, out));
    } else if (e instanceof ExprNode.Not n) {
      collect(n.operand(), out);
    } else if (e instanceof ExprNode.IsNull n) {
      collect(n.operand(), out);
    } else if (e instanceof ExprNode.InList in) {
      collect(in.operand(), out);
      in.items().forEach(i -> collect(i, out));
    } else if (e instanceof ExprNode.Record r) {
      r.fields().forEach(f -> collect(f, out));
    } else if (e instanceof ExprNode.Pattern p) {
      collect(p.operand(), out);
      collect(p.pattern(), out);
    } else if (e instanceof ExprNode.IsNotDistinctFrom d) {
      collect(d.left(), out);
      collect(d.right(), out);
    } else if (e instanceof ExprNode.Project p) {
      collect(p.base(), out);
    }
  }
}
