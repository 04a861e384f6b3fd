package io.toasty.stmt;

import java.util.Objects;

/**
 * {@code SET target = value} in an update: {@code target} is a field index at model level and a
 * column index after lowering. {@code value} may read the row's current values.
 */
public record Assignment(int target, ExprNode value) {
  public Assignment {
    Objects.requireNonNull(value, "value");
  }
}
