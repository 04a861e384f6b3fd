package io.toasty.planner.expr;

import io.toasty.stmt.ExprNode;
import java.util.ArrayList;
import java.util.List;

/** A filter seen as the list of its top-level AND terms, and back. */
public final class Conjuncts {
  private Conjuncts() {}

  /** The terms of {@code e}: its operands if it is an AND, else {@code e} alone. */
  public static List<ExprNode> of(ExprNode e) {
    if (e instanceof ExprNode.And a) {
      return a.operands();
    }
    return e.equals(ExprNode.TRUE) ? List.of() : List.of(e);
  }

  /** The conjunction of {@code terms}: TRUE for none, the term itself for one. */
  public static ExprNode and(List<ExprNode> terms) {
    if (terms.isEmpty()) {
      return ExprNode.TRUE;
    }
    return terms.size() == 1 ? terms.get(0) : new ExprNode.And(terms);
  }

  /** {@code filter AND term}, unless {@code filter} already holds {@code term} as a conjunct. */
  public static ExprNode with(ExprNode filter, ExprNode term) {
    List<ExprNode> terms = of(filter);
    if (filter.equals(term) || terms.contains(term)) {
      return filter;
    }
    List<ExprNode> all = new ArrayList<>(terms);
    all.add(term);
    return and(all);
  }
}
