package io.toasty.stmt;

import java.util.List;

/**
 * A relation to preload with a query's results: a path of relation fields from the queried model
 * (one field for a direct relation, more for nested ones), with an optional scope.
 *
 * <p>Relations arrive with issue 4; until then the planner rejects includes with an
 * {@code UnsupportedFeatureException}.
 *
 * @param path  relation fields, each an index into the model reached by the previous one
 * @param scope a query on the related model whose filter and order apply to the loaded records,
 *              or {@code null}
 */
public record Include(List<Expr.Field> path, Query scope) {
  public Include {
    path = List.copyOf(path);
  }
}
