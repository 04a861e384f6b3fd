package io.toasty;

import io.toasty.stmt.ExprNode;
import io.toasty.stmt.IncludeNode;
import io.toasty.stmt.Query;
import java.util.Objects;

/**
 * A relation field of model {@code M}, as generated in the entry class ({@code Users.POSTS},
 * {@code Posts.AUTHOR}): include it in a query, or filter by the related records. The kinds add
 * their own filters: {@link HasManyPath#any}, {@link ToOnePath#is}.
 *
 * @param <M> the model the relation belongs to
 * @param <T> the related model
 */
public abstract class RelationPath<M, T> implements Include<M> {
  private final String model;
  private final int index;
  private final String name;
  private final String target;

  /**
   * The relation at {@code Expr.Field} index {@code index} of {@code model} (after its data
   * fields), called {@code name}, to model {@code target}.
   */
  protected RelationPath(String model, int index, String name, String target) {
    this.model = Objects.requireNonNull(model, "model");
    this.index = index;
    this.name = Objects.requireNonNull(name, "name");
    this.target = Objects.requireNonNull(target, "target");
  }

  /** The owning model's name. */
  @Override
  public final String model() {
    return model;
  }

  /** The relation's {@code Expr.Field} index in its model. */
  public final int index() {
    return index;
  }

  /** The relation field's name. */
  public final String name() {
    return name;
  }

  /** The related model's name. */
  public final String target() {
    return target;
  }

  /** The field node naming the relation. */
  public final ExprNode.Field node() {
    return new ExprNode.Field(model, index);
  }

  /**
   * This relation followed {@code min} to {@code max} times, as a step of a {@link PathQuery}
   * ({@code PathQuery.from(Persons.MODEL, ..).along(Persons.FOLLOWING.repeat(1, 3))}): the
   * relation must relate the model to itself. Checked when the query is planned.
   */
  public final Repeat<M, T> repeat(int min, int max) {
    return new Repeat<>(this, min, max, ExprNode.TRUE);
  }

  /** Includes the related records, all of them, in no particular order. */
  @Override
  public final IncludeNode untyped() {
    return IncludeNode.of(node(), target);
  }

  /** An include of the related records that match {@code condition}. */
  public final RelationInclude<M, T> filter(Expr<Boolean> condition) {
    return scoped().filter(condition);
  }

  /** An include of the related records ordered by {@code orders}. */
  public final RelationInclude<M, T> orderBy(Order... orders) {
    return scoped().orderBy(orders);
  }

  /** An include of at most {@code count} related records per parent, in key order. */
  public final RelationInclude<M, T> limit(long count) {
    return scoped().limit(count);
  }

  /** An include of the related records with their {@code nested} relations preloaded too. */
  @SafeVarargs
  public final RelationInclude<M, T> then(Include<T>... nested) {
    return scoped().then(nested);
  }

  /** An include of the related records without their own eager relations. */
  public final RelationInclude<M, T> withoutEager() {
    return scoped().withoutEager();
  }

  /** An include of the related records with their eager relations {@code relations} unloaded. */
  @SafeVarargs
  public final RelationInclude<M, T> exclude(RelationPath<T, ?>... relations) {
    return scoped().exclude(relations);
  }

  private RelationInclude<M, T> scoped() {
    return new RelationInclude<>(this, Query.all(target));
  }

  /** {@code quantifier} related records match {@code condition}. */
  protected final Condition related(ExprNode.Quantifier quantifier,
      Expr<Boolean> condition) {
    Objects.requireNonNull(condition, "condition");
    return new Condition(new ExprNode.Related(node(), quantifier, condition.node()));
  }

  @Override
  public String toString() {
    return model + "." + name;
  }
}
