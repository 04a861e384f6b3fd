package io.toasty.planner.lower;

import io.toasty.Feature;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.planner.expr.Children;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.OrderBy;
import java.util.ArrayList;
import java.util.List;

/**
 * The include's order of a many-to-many relation on a backend that reads its targets by key after
 * their join rows: the targets come in the join rows' order, so the merge sorts each parent's
 * flattened targets itself. The include's terms, over the target table's columns, are rebased onto
 * the positions of the target's record (its fields), which is what the merge holds after
 * flattening.
 */
final class FlatOrder {
  private FlatOrder() {}

  /**
   * {@code orderBy} over the record {@code outputs} describes (empty when it is empty).
   *
   * @throws UnsupportedFeatureException when a term reads a column no field holds alone (a part
   *                                     of an embedded record): only the fields are merged
   */
  static List<OrderBy> of(List<OrderBy> orderBy, List<ExprNode> outputs, String backend,
      String relation) {
    List<OrderBy> out = new ArrayList<>(orderBy.size());
    for (OrderBy o : orderBy) {
      out.add(new OrderBy(rebase(o.expr(), outputs, backend, relation), o.direction()));
    }
    return out;
  }

  private static ExprNode rebase(
      ExprNode e, List<ExprNode> outputs, String backend, String relation) {
    if (e instanceof ExprNode.Column c) {
      int at = outputs.indexOf(c);
      if (at < 0) {
        throw new UnsupportedFeatureException(Feature.INCLUDE_SHAPE, backend, "include of "
            + relation + " ordered by a column no field holds alone (" + c + "): this backend "
            + "sorts a many-to-many include's targets by their fields, after reading them by key");
      }
      return new ExprNode.Column(c.table(), at);
    }
    return Children.map(e, x -> rebase(x, outputs, backend, relation));
  }
}
