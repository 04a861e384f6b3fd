package io.toasty.stmt;

import java.util.Objects;

/**
 * A relation to preload with a query's results.
 *
 * <p>{@code scope} is a query on the related model: its filter and order apply to the loaded
 * records (a filter keeps only matching related records; it never drops a parent), and its
 * {@code Returning.Model} lists the relations to preload on them in turn, nested to any depth.
 * Its limit must be {@code null}.
 *
 * @param relation the relation field of the queried model ({@code ExprNode.Field} of a relation)
 * @param scope    a query on the related model: filter, order and nested includes
 */
public record IncludeNode(ExprNode.Field relation, Query scope) {
  public IncludeNode {
    Objects.requireNonNull(relation, "relation");
    Objects.requireNonNull(scope, "scope");
  }

  /** An include of {@code relation} with no filter, order or nested include. */
  public static IncludeNode of(ExprNode.Field relation, String targetModel) {
    return new IncludeNode(relation, Query.all(targetModel));
  }
}
