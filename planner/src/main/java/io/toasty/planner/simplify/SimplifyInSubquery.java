package io.toasty.planner.simplify;

import io.toasty.planner.expr.Conjuncts;
import io.toasty.planner.expr.Walk;
import io.toasty.stmt.Expr;
import io.toasty.stmt.Returning;
import java.util.ArrayList;
import java.util.List;

/**
 * Subquery lifting: {@code x IN (SELECT k FROM t WHERE k = v)} becomes {@code x = v} (and
 * {@code k IN (v1, v2)} becomes {@code x IN (v1, v2)}) when the subquery's filter is nothing but
 * those terms on what it returns, with no limit. The value is known, so no subquery need run: a
 * scoped query ({@code user.posts()}) filters by the parent's key directly.
 *
 * <p>This assumes the keys point at existing records (foreign key integrity): the lifted filter
 * no longer checks that a {@code t} with {@code k = v} exists.
 */
public final class SimplifyInSubquery implements SimplifyRule {
  @Override
  public Expr apply(Expr e, SimplifyContext cx) {
    if (!(e instanceof Expr.InSubquery in) || in.query().limit() != null
        || !(in.query().returning() instanceof Returning.Project p)) {
      return null;
    }
    List<Expr> returned = p.exprs();
    List<Expr> terms = new ArrayList<>(Conjuncts.of(in.query().filter()));
    // NOT (k IS NULL) on a returned field adds nothing once k equals a non-null value.
    terms.removeIf(t -> t instanceof Expr.Not n && n.operand() instanceof Expr.IsNull isNull
        && returned.contains(isNull.operand()));
    if (returned.size() == 1 && terms.size() == 1 && terms.get(0) instanceof Expr.InList list
        && list.operand().equals(returned.get(0)) && list.items().stream().allMatch(
            SimplifyInSubquery::isValue)) {
      return new Expr.InList(in.operand(), list.items());
    }
    if (terms.size() != returned.size()) {
      return null;
    }
    List<Expr> values = new ArrayList<>(returned.size());
    for (Expr r : returned) {
      Expr v = valueOf(r, terms);
      if (v == null) {
        return null;
      }
      values.add(v);
    }
    if (returned.size() == 1) {
      return new Expr.Compare(Expr.CompareOp.EQ, in.operand(), values.get(0));
    }
    return new Expr.Compare(Expr.CompareOp.EQ, in.operand(), new Expr.Record(values));
  }

  /** The value {@code r} is compared equal to by one of {@code terms}, or null. */
  private static Expr valueOf(Expr r, List<Expr> terms) {
    for (Expr t : terms) {
      if (t instanceof Expr.Compare c && c.op() == Expr.CompareOp.EQ) {
        if (c.left().equals(r) && isValue(c.right())) {
          return c.right();
        }
        if (c.right().equals(r) && isValue(c.left())) {
          return c.left();
        }
      }
    }
    return null;
  }

  private static boolean isValue(Expr e) {
    return (e instanceof Expr.Arg || e instanceof Expr.Const c && !c.value().isNull())
        && !Walk.hasSubquery(e);
  }
}
