package io.toasty.planner;

import io.toasty.value.Value;
import java.util.List;
import java.util.Objects;

/**
 * A statement ready to run: its compiled plan (from the cache or freshly compiled) and the values
 * its literals held, in argument-slot order, not yet checked.
 */
public record Prepared(CompiledPlan plan, List<Value> args) {
  public Prepared {
    Objects.requireNonNull(plan, "plan");
    args = List.copyOf(args);
  }
}
