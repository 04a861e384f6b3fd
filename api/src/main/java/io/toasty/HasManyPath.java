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
   * Every related record matches {@code condition} (a condition that is unknown for a record,
   * such as a comparison with NULL, does not match); true when there is none.
   */
  public Condition every(Expr<Boolean> condition) {
    return related(ExprNode.Quantifier.EVERY, condition);
  }
}
