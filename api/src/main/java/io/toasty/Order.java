package io.toasty;

import io.toasty.stmt.OrderBy;
import java.util.Objects;

/** One ordering term, made by {@link Path#asc()} or {@link Path#desc()}. */
public record Order(OrderBy node) {
  public Order {
    Objects.requireNonNull(node, "node");
  }
}
