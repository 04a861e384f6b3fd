package io.toasty.planner.hir;

import io.toasty.planner.lower.ExtraArg;
import java.util.List;
import java.util.Objects;

/**
 * The high-level intermediate representation: table-level statements with a dependency graph.
 * Statements are listed so that every dependency comes first. An empty list means the statement
 * was found to match nothing: the plan issues no operation.
 *
 * @param model      the model the original statement named
 * @param table      its table
 * @param statements the statements, dependencies first
 * @param result     the statement whose output is the result, or -1 when there is none
 * @param output     how the result is handed back
 * @param extraArgs  argument slots added by lowering, numbered after the statement's own
 */
public record Hir(String model, String table, List<HirStatement> statements, int result,
    HirOutput output, List<ExtraArg> extraArgs) {
  public Hir {
    Objects.requireNonNull(model, "model");
    statements = List.copyOf(statements);
    Objects.requireNonNull(output, "output");
    extraArgs = List.copyOf(extraArgs);
  }

  /** Whether nothing needs to run. */
  public boolean isEmpty() {
    return statements.isEmpty();
  }
}
