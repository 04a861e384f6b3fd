package io.toasty.reactive.exec;

import io.toasty.planner.CompiledPlan;
import io.toasty.planner.lower.ExtraArg;
import io.toasty.planner.verify.ArgCheck;
import io.toasty.reactive.json.JsonDocuments;
import io.toasty.schema.app.AutoStrategy;
import io.toasty.value.Value;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The full argument list of one execution: the statement's values, each checked and converted by
 * its {@link ArgCheck} (so a bad value fails with a typed error before anything reaches the
 * driver), then the plan's constants, then freshly generated keys and the current time (one
 * reading of the clock per execution).
 */
public final class BindArgs {
  private BindArgs() {}

  /** The arguments for running {@code plan} with {@code values}, the time read from UTC. */
  public static List<Value> bind(CompiledPlan plan, List<Value> values) {
    return bind(plan, values, Clock.systemUTC());
  }

  /** The arguments for running {@code plan} with {@code values}, the time read from clock. */
  public static List<Value> bind(CompiledPlan plan, List<Value> values, Clock clock) {
    return bind(plan, values, clock, null);
  }

  /**
   * The arguments for running {@code plan} with {@code values}, the time read from clock, JSON
   * documents written by {@code json} (null: none expected).
   */
  public static List<Value> bind(CompiledPlan plan, List<Value> values, Clock clock,
      @Nullable JsonDocuments json) {
    if (values.size() != plan.argCount()) {
      throw new IllegalStateException("plan takes " + plan.argCount() + " arguments, got "
          + values.size());
    }
    // The statement's own list when every value passes its check unchanged and nothing is
    // added: no copy per execution (a chunk of createAll binds thousands of values).
    List<Value> out = null;
    for (int i = 0; i < values.size(); i++) {
      ArgCheck check = plan.checks().get(i);
      Value given = values.get(i);
      Value v = check == null ? given : check.apply(given);
      v = json == null || !(v instanceof Value.Json) ? v : check == null
          ? json.written(v, null, null, null)
          : json.written(v, check.model(), check.field(), check.ranges());
      if (out == null && v != given) {
        out = copied(values, i, plan);
      }
      if (out != null) {
        out.add(v);
      }
    }
    if (plan.extraArgs().isEmpty()) {
      return out == null ? values : out;
    }
    if (out == null) {
      out = copied(values, values.size(), plan);
    }
    Now now = null;
    for (ExtraArg extra : plan.extraArgs()) {
      if (extra instanceof ExtraArg.NowArg n) {
        now = now != null ? now : new Now(clock);
        out.add(now.as(n.type()));
        continue;
      }
      out.add(extra instanceof ExtraArg.ConstantArg c ? c.value() : generate(
          (ExtraArg.GeneratedArg) extra));
    }
    return out;
  }

  /** The first {@code n} of {@code values}, in a list with room for the plan's extra args. */
  private static List<Value> copied(List<Value> values, int n, CompiledPlan plan) {
    List<Value> out = new ArrayList<>(values.size() + plan.extraArgs().size());
    for (int i = 0; i < n; i++) {
      out.add(values.get(i));
    }
    return out;
  }

  private static Value generate(ExtraArg.GeneratedArg g) {
    return new Value.Uuid(g.auto() == AutoStrategy.UUID_V4 ? Uuids.v4() : Uuids.v7());
  }
}
