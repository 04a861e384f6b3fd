package io.toasty.reactive.exec;

import io.toasty.ModelDef;
import io.toasty.driver.Connection;
import io.toasty.planner.action.Action;
import io.toasty.planner.action.ActionPlan;
import io.toasty.planner.action.NestedMergeAction;
import io.toasty.planner.action.Var;
import io.toasty.planner.eval.Eval;
import io.toasty.planner.plan.node.MergeBranch;
import io.toasty.value.Value;
import io.toasty.value.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs an {@link ActionPlan} on one connection as Reactor stages. Actions whose variable is stored
 * run first, one after the other (a connection takes one operation at a time), each subscribing
 * when the previous one is done and its inputs are stored; a stored variable is dropped after its
 * last reader. Then the result stream is assembled from the result action and the actions that
 * stream into it, so a single-statement read passes rows on with backpressure, untouched.
 */
public final class Interpreter {
  private final ActionPlan plan;
  private final ExecContext cx;
  private final VarStore vars = new VarStore();

  private Interpreter(ActionPlan plan, ExecContext cx) {
    this.plan = plan;
    this.cx = cx;
  }

  /** The result variable's rows; nothing runs until subscription. */
  public static Flux<Value.Record> run(ActionPlan plan, List<Value> args,
      @Nullable Connection connection) {
    return run(plan, args, connection == null ? null : Sender.of(connection));
  }

  /** The result variable's rows, with operations sent through {@code sender}. */
  public static Flux<Value.Record> run(ActionPlan plan, List<Value> args,
      @Nullable Sender sender) {
    return Flux.defer(() -> new Interpreter(plan, new ExecContext(sender, args)).start());
  }

  /**
   * {@link #run(ActionPlan, List, Sender)}, an include's children built by their model's row
   * reader ({@code models}, by name) where the plan allows it.
   */
  public static Flux<Value.Record> run(ActionPlan plan, List<Value> args, @Nullable Sender sender,
      Map<String, ModelDef<?>> models) {
    return Flux.defer(() -> new Interpreter(plan, new ExecContext(sender, args, null, models))
        .start());
  }

  /**
   * The result variable's rows, outside a transaction: operations go to {@code connection},
   * except those that must run while its rows stream (a {@code NestedMerge}'s child queries),
   * which go to {@code aside}; with no {@code aside}, the plan runs as on a transaction's one
   * connection (parents read to the end before the first child query). An include's children
   * are built by their model's row reader ({@code models}, by name) where the plan allows it.
   */
  public static Flux<Value.Record> run(ActionPlan plan, List<Value> args, Connection connection,
      @Nullable Sender aside, Map<String, ModelDef<?>> models) {
    return Flux.defer(() -> new Interpreter(plan, new ExecContext(Sender.of(connection), args,
        aside, models)).start());
  }

  /**
   * How many operations {@code plan} can have in flight beside its own stream, run with {@code
   * args}: the most sibling branches of one of its includes (at any depth), 0 when it has none.
   * An include whose parents fit one window ({@link NestedMergeAction#parents()}) needs none: its
   * parents are read to the end, then its children on the same connection, as a hand-written
   * pair of queries does. A plan outside a transaction leases that many connections beside its
   * own, together.
   */
  public static int asideWidth(ActionPlan plan, List<Value> args) {
    int width = 0;
    for (Action a : plan.actions()) {
      if (a instanceof NestedMergeAction merge && !fitsOneWindow(merge, args)) {
        width = Math.max(width, width(merge.branches()));
      }
    }
    return width;
  }

  private static boolean fitsOneWindow(NestedMergeAction merge, List<Value> args) {
    if (merge.parents() == null) {
      return false;
    }
    Value bound = Eval.eval(merge.parents(), args, null);
    return !bound.isNull() && Values.asLong(bound) <= merge.window();
  }

  private static int width(List<MergeBranch> branches) {
    int width = branches.size();
    for (MergeBranch b : branches) {
      width = Math.max(width, width(b.nested()));
    }
    return width;
  }

  private Flux<Value.Record> start() {
    List<Action> stored = new ArrayList<>();
    for (Action a : plan.actions()) {
      if (!plan.vars().get(a.output()).streams()) {
        stored.add(a);
      }
    }
    if (stored.isEmpty()) {
      return input(plan.result()); // every single-statement read: no stages before the rows
    }
    Mono<Void> first = Flux.fromIterable(stored).concatMap(this::store, 1).then();
    return first.thenMany(Flux.defer(() -> input(plan.result())));
  }

  private Mono<Void> store(Action a) {
    Flux<Value.Record> rows = Dispatch.run(a, cx, this::input);
    Var v = plan.vars().get(a.output());
    if (v.readers() == 0) {
      return ContextOnce.of(rows.then());
    }
    return rows.collectList().doOnNext(list -> vars.put(a.output(), list, v.readers())).then();
  }

  private Flux<Value.Record> input(int var) {
    if (plan.vars().get(var).streams()) {
      return stream(var);
    }
    return Flux.defer(() -> Flux.fromIterable(vars.take(var)));
  }

  private Flux<Value.Record> stream(int var) {
    return Dispatch.run(plan.producer(var), cx, this::input);
  }
}
