package io.toasty.planner.simplify;

import io.toasty.planner.expr.Children;
import io.toasty.schema.Schema;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.DeleteNode;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.IncludeNode;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.OrderBy;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Query;
import io.toasty.stmt.StatementNode;
import io.toasty.stmt.UpdateNode;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The simplifier: applies every {@link SimplifyRule} to every node, top-down then bottom-up, until
 * nothing changes (a fixpoint, so simplifying twice changes nothing). Filters also get
 * {@link SimplifyFilter}, since there only TRUE matters.
 */
public final class Simplify {
  /** The rules, tried in this order at each node. */
  public static final List<SimplifyRule> RULES = List.of(new SimplifyRelated(),
      new SimplifyRelatedAggregate(),
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
  public static StatementNode statement(StatementNode s, Schema schema) {
    return new Simplify(new SimplifyContext(schema)).simplify(s);
  }

  /** {@code filter} simplified as a filter (where NULL and FALSE agree). */
  public static ExprNode filter(ExprNode filter, Schema schema) {
    return new Simplify(new SimplifyContext(schema)).filter(filter);
  }

  /** {@code e} simplified as a value (NULL and FALSE differ). */
  public static ExprNode expr(ExprNode e, Schema schema) {
    return new Simplify(new SimplifyContext(schema)).fixpoint(e);
  }

  private StatementNode simplify(StatementNode s) {
    if (s instanceof Query q) {
      return query(q);
    } else if (s instanceof UpdateNode u) {
      List<Assignment> assignments = new ArrayList<>(u.assignments().size());
      for (Assignment a : u.assignments()) {
        assignments.add(new Assignment(a.target(), fixpoint(a.value())));
      }
      return new UpdateNode(u.target(), filter(u.filter()), assignments, u.returning());
    } else if (s instanceof DeleteNode d) {
      return new DeleteNode(d.from(), filter(d.filter()), d.returning());
    }
    return (InsertNode) s;
  }

  private Query query(Query q) {
    Query out = q.withFilter(filter(q.filter()));
    if (q.returning() instanceof Returning.Model m && !m.includes().isEmpty()) {
      List<IncludeNode> includes = new ArrayList<>(m.includes().size());
      for (IncludeNode i : m.includes()) {
        includes.add(new IncludeNode(i.relation(), query(i.scope())));
      }
      out = out.withReturning(m.withIncludes(includes));
    }
    return relationAggregates(out);
  }

  /**
   * {@code q} with each relation aggregate of its projection and order made a subquery
   * ({@link SimplifyRelatedAggregate}); the rest of those expressions stays as written.
   */
  private Query relationAggregates(Query q) {
    Query out = q;
    if (q.returning() instanceof Returning.Project p) {
      out = out.withReturning(new Returning.Project(Children.list(p.exprs(), this::aggregates)));
    } else if (q.returning() instanceof Returning.Grouped g) {
      out = out.withReturning(new Returning.Grouped(Children.list(g.exprs(), this::aggregates),
          g.groupBy(), g.having(), g.distinct()));
    }
    List<OrderBy> orderBy = new ArrayList<>(q.orderBy().size());
    for (OrderBy o : q.orderBy()) {
      orderBy.add(new OrderBy(aggregates(o.expr()), o.direction()));
    }
    return orderBy.equals(q.orderBy()) ? out : out.withOrderBy(orderBy);
  }

  private ExprNode aggregates(ExprNode e) {
    if (e instanceof ExprNode.RelatedAggregate) {
      ExprNode.Scalar s = (ExprNode.Scalar) new SimplifyRelatedAggregate().apply(e, cx);
      return s == null ? e : new ExprNode.Scalar(query(s.query()));
    }
    return Children.map(e, this::aggregates);
  }

  private ExprNode filter(ExprNode e) {
    ExprNode current = e;
    for (int i = 0; i < MAX_ROUNDS; i++) {
      ExprNode next = SimplifyFilter.apply(fixpoint(current));
      if (next.equals(current)) {
        return current;
      }
      current = next;
    }
    return current;
  }

  private ExprNode fixpoint(ExprNode e) {
    ExprNode current = e;
    for (int i = 0; i < MAX_ROUNDS; i++) {
      ExprNode next = rewrite(current);
      if (next.equals(current)) {
        return current;
      }
      current = next;
    }
    return current;
  }

  private ExprNode rewrite(ExprNode e) {
    ExprNode node = applyRules(e);
    ExprNode withChildren = Children.map(node, this::rewrite, this::query);
    return applyRules(withChildren);
  }

  private ExprNode applyRules(ExprNode e) {
    ExprNode current = e;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      ExprNode next = firstRewrite(current);
      if (next == null) {
        return current;
      }
      current = next;
    }
    return current;
  }

  private @Nullable ExprNode firstRewrite(ExprNode e) {
    for (SimplifyRule rule : RULES) {
      ExprNode out = rule.apply(e, cx);
      if (out != null && !out.equals(e)) {
        return out;
      }
    }
    return null;
  }

  /** Whether a simplified filter can match no row at all. */
  public static boolean matchesNothing(ExprNode filter) {
    return filter.equals(ExprNode.FALSE);
  }
}
