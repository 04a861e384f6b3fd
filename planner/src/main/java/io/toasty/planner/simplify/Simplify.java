package io.toasty.planner.simplify;

import io.toasty.planner.expr.Children;
import io.toasty.schema.Schema;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.Delete;
import io.toasty.stmt.Expr;
import io.toasty.stmt.Include;
import io.toasty.stmt.Insert;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Query;
import io.toasty.stmt.Statement;
import io.toasty.stmt.Update;
import java.util.ArrayList;
import java.util.List;

/**
 * The simplifier: applies every {@link SimplifyRule} to every node, top-down then bottom-up, until
 * nothing changes (a fixpoint, so simplifying twice changes nothing). Filters also get
 * {@link SimplifyFilter}, since there only TRUE matters.
 */
public final class Simplify {
  /** The rules, tried in this order at each node. */
  public static final List<SimplifyRule> RULES = List.of(new SimplifyRelated(),
      new SimplifyInSubquery(), new FoldConstants(),
      new SimplifyCompareNull(), new SimplifyTupleCompare(), new SimplifyInList(),
      new SimplifyIsNull(), new SimplifyIsNotDistinctFrom(), new SimplifySelfCompare(), new SimplifyNot(), new SimplifyAnd(), new SimplifyOr(),
      new SimplifyContradiction(), new SimplifyTautology());
  private static final int MAX_ROUNDS = 64;

  private final SimplifyContext cx;

  private Simplify(SimplifyContext cx) {
    this.cx = cx;
  }

  /** {@code s} with its filters and expressions simplified. */
  public static Statement statement(Statement s, Schema schema) {
    return new Simplify(new SimplifyContext(schema)).simplify(s);
  }

  /** {@code filter} simplified as a filter (where NULL and FALSE agree). */
  public static Expr filter(Expr filter, Schema schema) {
    return new Simplify(new SimplifyContext(schema)).filter(filter);
  }

  /** {@code e} simplified as a value (NULL and FALSE differ). */
  public static Expr expr(Expr e, Schema schema) {
    return new Simplify(new SimplifyContext(schema)).fixpoint(e);
  }

  private Statement simplify(Statement s) {
    if (s instanceof Query q) {
      return query(q);
    } else if (s instanceof Update u) {
      List<Assignment> assignments = new ArrayList<>(u.assignments().size());
      for (Assignment a : u.assignments()) {
        assignments.add(new Assignment(a.target(), fixpoint(a.value())));
      }
      return new Update(u.target(), filter(u.filter()), assignments, u.returning());
    } else if (s instanceof Delete d) {
      return new Delete(d.from(), filter(d.filter()), d.returning());
    }
    return (Insert) s;
  }

  private Query query(Query q) {
    Query out = q.withFilter(filter(q.filter()));
    if (q.returning() instanceof Returning.Model m && !m.includes().isEmpty()) {
      List<Include> includes = new ArrayList<>(m.includes().size());
      for (Include i : m.includes()) {
        includes.add(new Include(i.relation(), query(i.scope())));
      }
      out = out.withReturning(m.withIncludes(includes));
    }
    return out;
  }

  private Expr filter(Expr e) {
    Expr current = e;
    for (int i = 0; i < MAX_ROUNDS; i++) {
      Expr next = SimplifyFilter.apply(fixpoint(current));
      if (next.equals(current)) {
        return current;
      }
      current = next;
    }
    return current;
  }

  private Expr fixpoint(Expr e) {
    Expr current = e;
    for (int i = 0; i < MAX_ROUNDS; i++) {
      Expr next = rewrite(current);
      if (next.equals(current)) {
        return current;
      }
      current = next;
    }
    return current;
  }

  private Expr rewrite(Expr e) {
    Expr node = applyRules(e);
    Expr withChildren = Children.map(node, this::rewrite, this::query);
    return applyRules(withChildren);
  }

  private Expr applyRules(Expr e) {
    Expr current = e;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      Expr next = firstRewrite(current);
      if (next == null) {
        return current;
      }
      current = next;
    }
    return current;
  }

  private Expr firstRewrite(Expr e) {
    for (SimplifyRule rule : RULES) {
      Expr out = rule.apply(e, cx);
      if (out != null && !out.equals(e)) {
        return out;
      }
    }
    return null;
  }

  /** Whether a simplified filter can match no row at all. */
  public static boolean matchesNothing(Expr filter) {
    return filter.equals(Expr.FALSE);
  }
}
