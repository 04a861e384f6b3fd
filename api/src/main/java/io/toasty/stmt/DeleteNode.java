package io.toasty.stmt;

import java.util.Objects;

/** A delete of the rows of {@code from} that match {@code filter}, returning a count. */
public record DeleteNode(Source from, ExprNode filter, Returning returning)
    implements StatementNode {
  public DeleteNode {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(returning, "returning");
  }

  @Override
  public Source source() {
    return from;
  }
}
