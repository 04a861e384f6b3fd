package io.toasty.planner.hir;

import io.toasty.stmt.StatementNode;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One table-level statement of a lowered plan, and what it depends on.
 *
 * @param id        its position in {@link Hir#statements()}
 * @param statement the table-level statement (tables, columns, argument slots)
 * @param deps      the statements it needs first
 * @param merge     for a preloaded relation, how its rows merge into its parent's; else null
 * @param bindings  values this statement reads from rows other statements produced (a nested
 *                  create's foreign key, known only once the parent's insert has run); each fills
 *                  one argument slot after the plan's own, in order
 * @param nest      for an insert of a nested create's related records, where its rows go in the
 *                  returned records; else null
 */
public record HirStatement(int id, StatementNode statement, List<HirDep> deps,
    @Nullable HirMerge merge, List<HirBinding> bindings, @Nullable HirNest nest) {
  public HirStatement {
    Objects.requireNonNull(statement, "statement");
    deps = List.copyOf(deps);
    bindings = List.copyOf(bindings);
  }

  /** A statement that nests into no other's rows. */
  public HirStatement(int id, StatementNode statement, List<HirDep> deps,
      @Nullable HirMerge merge, List<HirBinding> bindings) {
    this(id, statement, deps, merge, bindings, null);
  }

  /** This statement, its rows nested as {@code nest} says. */
  public HirStatement withNest(HirNest nest) {
    return new HirStatement(id, statement, deps, merge, bindings, nest);
  }

  /** A statement with no merge and no bindings. */
  public HirStatement(int id, StatementNode statement, List<HirDep> deps) {
    this(id, statement, deps, null, List.of());
  }
}
