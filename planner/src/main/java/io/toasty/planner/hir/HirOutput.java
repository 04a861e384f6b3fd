package io.toasty.planner.hir;

import io.toasty.stmt.ExprNode;
import java.util.List;

/** What the lowered statement hands back to the caller. */
public sealed interface HirOutput {

  /** One record per row: {@code fields} are expressions over the table's columns (by index). */
  record Rows(List<ExprNode> fields) implements HirOutput {
    public Rows {
      fields = List.copyOf(fields);
    }
  }

  /** A single count of affected rows. */
  record Count() implements HirOutput {}
}
