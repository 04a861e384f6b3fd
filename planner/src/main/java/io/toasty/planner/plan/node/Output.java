package io.toasty.planner.plan.node;

import io.toasty.planner.lower.RowLift;
import java.util.Objects;

/** How the plan's result node becomes what {@code Executor.exec} emits. */
public sealed interface Output {

  /** One record per row, lifted to the model's field order (or the projection). */
  record Rows(RowLift lift) implements Output {
    public Rows {
      Objects.requireNonNull(lift, "lift");
    }
  }

  /** A single {@code Value.I64}: the first field of the result's single row. */
  record Count() implements Output {}
}
