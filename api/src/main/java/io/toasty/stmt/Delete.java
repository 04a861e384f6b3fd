package io.toasty.stmt;

import java.util.Objects;

/** A delete of the rows of {@code from} that match {@code filter}, returning a count. */
public record Delete(Source from, Expr filter, Returning returning) implements Statement {
  public Delete {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(returning, "returning");
  }

  @Override
  public Source source() {
    return from;
  }
}
