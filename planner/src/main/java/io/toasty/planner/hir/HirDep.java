package io.toasty.planner.hir;

import java.util.Objects;

/**
 * An edge of the HIR graph: this statement needs another one.
 *
 * @param statement the statement depended on
 * @param kind      {@code KEYS}: its rows are primary keys that restrict this statement's rows;
 *                  {@code AFTER}: it must have run first (no data flows)
 */
public record HirDep(int statement, Kind kind) {
  public HirDep {
    Objects.requireNonNull(kind, "kind");
  }

  /** What flows along the edge. */
  public enum Kind { KEYS, AFTER }
}
