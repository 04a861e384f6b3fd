package io.toasty.stmt;

import java.util.Objects;

/**
 * LIMIT and OFFSET, as expressions so that their values become plan parameters.
 *
 * @param count  the most rows to return
 * @param offset rows to skip, or {@code null}
 */
public record Limit(Expr count, Expr offset) {
  public Limit {
    Objects.requireNonNull(count, "count");
  }
}
