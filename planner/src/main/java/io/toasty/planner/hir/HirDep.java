package io.toasty.planner.hir;

import java.util.List;
import java.util.Objects;

/**
 * An edge of the HIR graph: this statement needs another one.
 *
 * @param statement the statement depended on
 * @param kind      {@code KEYS}: its rows are keys that restrict this statement's rows;
 *                  {@code AFTER}: it must have run first (no data flows)
 * @param columns   for {@code KEYS}: this statement's columns the keys match; empty for its
 *                  primary key
 * @param positions for {@code KEYS}: where the key sits in the other statement's rows; empty for
 *                  the whole row
 */
public record HirDep(int statement, Kind kind, List<Integer> columns, List<Integer> positions) {
  public HirDep {
    Objects.requireNonNull(kind, "kind");
    columns = List.copyOf(columns);
    positions = List.copyOf(positions);
  }

  /** An edge on whole rows: primary keys, or ordering only. */
  public HirDep(int statement, Kind kind) {
    this(statement, kind, List.of(), List.of());
  }

  /** What flows along the edge. */
  public enum Kind { KEYS, AFTER }
}
