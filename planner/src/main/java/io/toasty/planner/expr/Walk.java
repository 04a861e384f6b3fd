package io.toasty.planner.expr;

import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Query;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Whole-tree visits of an expression, including the filters of its subqueries when asked. */
public final class Walk {
  private Walk() {}

  /** Whether {@code e} or any expression below it (not inside subqueries) matches. */
  public static boolean any(ExprNode e, Predicate<ExprNode> p) {
    if (p.test(e)) {
      return true;
    }
    boolean[] found = {false};
    Children.forEach(e, c -> found[0] = found[0] || any(c, p));
    return found[0];
  }

  /** Calls {@code f} on {@code e} and every expression below it, subqueries excluded. */
  public static void each(ExprNode e, Consumer<ExprNode> f) {
    f.accept(e);
    Children.forEach(e, c -> each(c, f));
  }

  /** Whether {@code e} holds a subquery ({@code IN (SELECT ..)}, {@code EXISTS}, a relation). */
  public static boolean hasSubquery(ExprNode e) {
    return any(e, x -> x instanceof ExprNode.InSubquery || x instanceof ExprNode.Exists
        || x instanceof ExprNode.Related || x instanceof ExprNode.Scalar
        || x instanceof ExprNode.RelatedAggregate);
  }

  /** Whether a query's filter (or nested ones) holds a subquery. */
  public static boolean hasSubquery(Query q) {
    return hasSubquery(q.filter());
  }
}
