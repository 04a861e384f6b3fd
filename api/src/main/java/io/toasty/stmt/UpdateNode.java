package io.toasty.stmt;

import java.util.List;
import java.util.Objects;

/**
 * An update of the rows of {@code target} that match {@code filter}.
 *
 * @param returning {@link Returning.Count} for the affected rows, or {@link Returning.Model} for
 *     the updated records as they are after the update
 */
public record UpdateNode(
    Source target, ExprNode filter, List<Assignment> assignments, Returning returning)
    implements StatementNode {
  public UpdateNode {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(filter, "filter");
    assignments = List.copyOf(assignments);
    Objects.requireNonNull(returning, "returning");
  }

  @Override
  public Source source() {
    return target;
  }
}
