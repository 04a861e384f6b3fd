package io.toasty.planner.expr;

import io.toasty.stmt.Expr;
import java.util.List;

/** A filter seen as the list of its top-level AND terms, and back. */
public final class Conjuncts {
  private Conjuncts() {}

  /** The terms of {@code e}: its operands if it is an AND, else {@code e} alone. */
  public static List<Expr> of(Expr e) {
    if (e instanceof Expr.And a) {
      return a.operands();
    }
    return e.equals(Expr.TRUE) ? List.of() : List.of(e);
  }

  /** The conjunction of {@code terms}: TRUE for none, the term itself for one. */
  public static Expr and(List<Expr> terms) {
    if (terms.isEmpty()) {
      return Expr.TRUE;
    }
    return terms.size() == 1 ? terms.get(0) : new Expr.And(terms);
  }
}
