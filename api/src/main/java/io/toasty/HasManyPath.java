package io.toasty;

import io.toasty.stmt.ExprNode;

/**
 * A has-many relation field ({@code Users.POSTS}): include it, or filter by the related records.
 *
 * <pre>{@code
 * Users.filter(Users.POSTS.any(Posts.TITLE.eq("Hello")))   // users with such a post
 * Users.filter(Users.POSTS.none())                        // users without posts
 * Users.filter(Users.POSTS.every(Posts.PUBLISHED.eq(true)))
 * Users.filter(Users.POSTS.count().ge(3))                  // users with three posts or more
 * }</pre>
 */
public final class HasManyPath<M, T> extends RelationPath<M, T> {

  public HasManyPath(String model, int index, String name, String target) {
    super(model, index, name, target);
  }

  /** At least one related record matches {@code condition}. */
  public Condition any(Expr<Boolean> condition) {
    return related(ExprNode.Quantifier.ANY, condition);
  }

  /** There is at least one related record. */
  public Condition any() {
    return any(new Condition(ExprNode.TRUE));
  }

  /** No related record matches {@code condition}. */
  public Condition none(Expr<Boolean> condition) {
    return related(ExprNode.Quantifier.NONE, condition);
  }

  /** There is no related record. */
  public Condition none() {
    return none(new Condition(ExprNode.TRUE));
  }

  /**
   * How many records the relation reaches, to compare with a number:
   * {@code Users.filter(Users.POSTS.count().ge(3))}.
   */
  public RelationCount<M> count() {
    return new RelationCount<>(node(), ExprNode.TRUE);
  }

  /**
   * How many related records match {@code condition}, to compare with a number:
   * {@code Users.filter(Users.POSTS.count(Posts.PUBLISHED.eq(true)).ge(3))}.
   */
  public RelationCount<M> count(Expr<Boolean> condition) {
    return new RelationCount<>(node(), condition.node());
  }

  /**
   * An aggregate of the related records, one value per record, to select or order by:
   * {@code Authors.all().select(Authors.NAME, Authors.ARTICLES.aggregate(Agg.sum(Articles.VOTES)))}.
   * Over a record without related records, a count is 0 and every other aggregate NULL.
   *
   * @param aggregate an {@link Agg} aggregate over the related model's fields
   * @throws IllegalArgumentException when {@code aggregate} is not an {@link Agg} aggregate
   */
  public <N extends Number> NumberExpr<N> aggregate(NumberExpr<N> aggregate) {
    return new NumberExpr<>(related(aggregate, ExprNode.TRUE), aggregate.type());
  }

  /**
   * {@link Agg#min} or {@link Agg#max} of the related records, one value per record (NULL for a
   * record without related records): {@code Users.POSTS.aggregate(Agg.max(Posts.CREATED_AT))}.
   *
   * @throws IllegalArgumentException when {@code aggregate} is not an {@link Agg} aggregate
   */
  public <T> Expr<T> aggregate(Expr<T> aggregate) {
    return new Expr<>(related(aggregate, ExprNode.TRUE), aggregate.type(), aggregate);
  }

  /** {@link #aggregate(NumberExpr)} of the related records that match {@code condition}. */
  public <N extends Number> NumberExpr<N> aggregate(NumberExpr<N> aggregate,
      Expr<Boolean> condition) {
    return new NumberExpr<>(related(aggregate, condition.node()), aggregate.type());
  }

  private ExprNode related(Expr<?> aggregate, ExprNode filter) {
    if (!(aggregate.node() instanceof ExprNode.Aggregate a)) {
      throw new IllegalArgumentException("not an aggregate (Agg.count, sum, min, ...): "
          + aggregate.node());
    }
    return new ExprNode.RelatedAggregate(node(), filter, a);
  }

  /**
   * Every related record matches {@code condition} (a condition that is unknown for a record,
   * such as a comparison with NULL, does not match); true when there is none.
   */
  public Condition every(Expr<Boolean> condition) {
    return related(ExprNode.Quantifier.EVERY, condition);
  }
}
