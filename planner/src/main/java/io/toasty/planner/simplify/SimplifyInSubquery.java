package io.toasty.planner.simplify;

import io.toasty.planner.expr.Conjuncts;
import io.toasty.planner.expr.Walk;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Returning;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

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
  public @Nullable ExprNode apply(ExprNode e, SimplifyContext cx) {
    if (!(e instanceof ExprNode.InSubquery in) || in.query().limit() != null
        || !(in.query().returning() instanceof Returning.Project p)) {
      return null;
    }
    List<ExprNode> returned = p.exprs();
    List<ExprNode> terms = new ArrayList<>(Conjuncts.of(in.query().filter()));
    // NOT (k IS NULL) on a returned field adds nothing once k equals a non-null value.
    terms.removeIf(t -> t instanceof ExprNode.Not n && n.operand() instanceof ExprNode.IsNull isNull
        && returned.contains(isNull.operand()));
    if (returned.size() == 1 && terms.size() == 1 && terms.get(0) instanceof ExprNode.InList list
        && list.operand().equals(returned.get(0)) && list.items().stream().allMatch(
            SimplifyInSubquery::isValue)) {
      return new ExprNode.InList(in.operand(), list.items());
    }
    if (terms.size() != returned.size()) {
      return null;
    }
    List<ExprNode> values = new ArrayList<>(returned.size());
    for (ExprNode r : returned) {
      ExprNode v = valueOf(r, terms);
      if (v == null) {
        return null;
      }
      values.add(v);
    }
    if (returned.size() == 1) {
      return new ExprNode.Compare(ExprNode.CompareOp.EQ, in.operand(), values.get(0));
    }
    return new ExprNode.Compare(ExprNode.CompareOp.EQ, in.operand(), new ExprNode.Record(values));
  }

  /** The value {@code r} is compared equal to by one of {@code terms}, or null. */
  private static @Nullable ExprNode valueOf(ExprNode r, List<ExprNode> terms) {
    for (ExprNode t : terms) {
      if (t instanceof ExprNode.Compare c && c.op() == ExprNode.CompareOp.EQ) {
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

  private static boolean isValue(ExprNode e) {
    return (e instanceof ExprNode.Arg || e instanceof ExprNode.Const c && !c.value().isNull())
        && !Walk.hasSubquery(e);
  }
}
