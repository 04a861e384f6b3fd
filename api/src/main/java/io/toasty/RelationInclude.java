package io.toasty;

import io.toasty.error.InvalidStatementException;
import io.toasty.internal.EagerChoice;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.IncludeNode;
import io.toasty.stmt.Limit;
import io.toasty.stmt.OrderBy;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An include of one relation with a scope: a filter and an order on the related records, and the
 * relations to preload on them in turn. Immutable; each method returns a new include.
 *
 * @param <M> the model the relation belongs to
 * @param <T> the related model
 */
public final class RelationInclude<M, T> implements Include<M> {
  private final RelationPath<M, T> relation;
  private final Query scope;

  RelationInclude(RelationPath<M, T> relation, Query scope) {
    this.relation = relation;
    this.scope = scope;
  }

  /** Only related records matching {@code condition} are loaded (parents are never dropped). */
  public RelationInclude<M, T> filter(Expr<Boolean> condition) {
    Objects.requireNonNull(condition, "condition");
    ExprNode current = scope.filter();
    return new RelationInclude<>(relation, scope.withFilter(
        current.equals(ExprNode.TRUE) ? condition.node()
            : ExprNode.and(current, condition.node())));
  }

  /** The related records are ordered by {@code orders} within each parent. */
  public RelationInclude<M, T> orderBy(Order... orders) {
    List<OrderBy> terms = new ArrayList<>(orders.length);
    for (Order o : orders) {
      terms.add(Objects.requireNonNull(o, "order").node());
    }
    return new RelationInclude<>(relation, scope.withOrderBy(terms));
  }

  /**
   * At most {@code count} related records per parent, the first in this include's order (the
   * related model's key order without one): {@code Authors.POSTS.orderBy(CREATED_AT.desc())
   * .limit(3)} loads each author's three newest posts, still in one query per level.
   *
   * @throws IllegalArgumentException when {@code count} is negative
   */
  public RelationInclude<M, T> limit(long count) {
    if (count < 0) {
      throw new IllegalArgumentException("limit must not be negative, was " + count);
    }
    ExprNode offset = scope.limit() == null ? null : scope.limit().offset();
    return new RelationInclude<>(relation, scope.withLimit(new Limit(constant(count), offset)));
  }

  /**
   * Skips the first {@code count} related records of each parent (in this include's order);
   * with {@link #limit(long)}, a page of each parent's records.
   *
   * @throws IllegalArgumentException when {@code count} is negative
   */
  public RelationInclude<M, T> offset(long count) {
    if (count < 0) {
      throw new IllegalArgumentException("offset must not be negative, was " + count);
    }
    ExprNode limit = scope.limit() == null ? constant(Long.MAX_VALUE)
        : scope.limit().count();
    return new RelationInclude<>(relation, scope.withLimit(new Limit(limit, constant(count))));
  }

  private static ExprNode constant(long n) {
    return new ExprNode.Const(new Value.I64(n));
  }

  /** Also preloads {@code nested} relations of the related records. */
  @SafeVarargs
  public final RelationInclude<M, T> then(Include<T>... nested) {
    List<IncludeNode> includes = new ArrayList<>(returning().includes());
    List<ExprNode.Field> fields = new ArrayList<>();
    for (Include<T> n : nested) {
      Objects.requireNonNull(n, "include");
      if (!n.model().equals(relation.target())) {
        throw new InvalidStatementException(relation.model(), relation.name(),
            "cannot include a relation of " + n.model() + " on " + relation.target()
                + " records");
      }
      if (n instanceof DeferredPath<?, ?> d) {
        fields.add(d.field());
      } else {
        includes.add(n.untyped());
      }
    }
    return new RelationInclude<>(relation, scope.withReturning(returning().withIncludes(
        includes).reading(fields)));
  }

  /**
   * The related records without their own eager relations: only what {@link #then} includes is
   * loaded on them.
   */
  public RelationInclude<M, T> withoutEager() {
    return new RelationInclude<>(relation, scope.withReturning(returning().withoutEager()));
  }

  /** The related records with their eager relations {@code relations} left unloaded. */
  @SafeVarargs
  public final RelationInclude<M, T> exclude(RelationPath<T, ?>... relations) {
    return new RelationInclude<>(relation, scope.withReturning(returning().excluding(
        EagerChoice.fields(relation.target(), relations))));
  }

  private Returning.Model returning() {
    return (Returning.Model) scope.returning();
  }

  @Override
  public IncludeNode untyped() {
    return new IncludeNode(relation.node(), scope);
  }

  @Override
  public String model() {
    return relation.model();
  }

  @Override
  public String toString() {
    return "include " + relation + " " + scope;
  }
}
