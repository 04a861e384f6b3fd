package io.toasty.planner.hir;

import io.toasty.stmt.Statement;
import java.util.List;
import java.util.Objects;

/**
 * One table-level statement of a lowered plan, and what it depends on.
 *
 * @param id        its position in {@link Hir#statements()}
 * @param statement the table-level statement (tables, columns, argument slots)
 * @param deps      the statements it needs first
 */
public record HirStatement(int id, Statement statement, List<HirDep> deps) {
  public HirStatement {
    Objects.requireNonNull(statement, "statement");
    deps = List.copyOf(deps);
  }
}
