package io.toasty.planner.cache;

import io.toasty.stmt.StatementNode;
import io.toasty.value.Value;
import java.util.List;
import java.util.Objects;

/**
 * A statement with its literal values taken out: {@code statement} holds {@code Expr.Arg(i)} where
 * the original held the value {@code args.get(i)}. The statement alone is the plan cache's key.
 */
public record Shape(StatementNode statement, List<Value> args) {
  public Shape {
    Objects.requireNonNull(statement, "statement");
    args = List.copyOf(args);
  }
}
