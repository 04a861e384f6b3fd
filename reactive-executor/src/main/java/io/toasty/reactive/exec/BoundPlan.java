package io.toasty.reactive.exec;

import io.toasty.planner.CompiledPlan;
import io.toasty.value.Value;
import java.util.List;

/**
 * A statement's plan and its full argument list: what the {@code Db} runs once it has planned a
 * statement (through its plan cache) and checked its values, and what batches of waiting
 * requests run for many requests at once.
 *
 * @param plan the compiled plan
 * @param args the values of the plan's parameters, in order
 */
public record BoundPlan(CompiledPlan plan, List<Value> args) {}
