package io.toasty.stmt;

import java.util.Objects;

/** One term of an ORDER BY. */
public record OrderBy(ExprNode expr, Direction direction) {
  public OrderBy {
    Objects.requireNonNull(expr, "expr");
    Objects.requireNonNull(direction, "direction");
  }

  /** Sort direction. */
  public enum Direction { ASC, DESC }
}
