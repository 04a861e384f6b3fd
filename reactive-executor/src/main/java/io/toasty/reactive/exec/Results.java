package io.toasty.reactive.exec;

import io.toasty.planner.plan.node.Output;
import io.toasty.value.Value;
import io.toasty.value.Values;
import java.util.List;
import reactor.core.publisher.Flux;

/** Turns the result variable's rows into what {@code Executor.exec} emits. */
public final class Results {
  private Results() {}

  /** Lifted records for {@link Output.Rows}; a single {@code I64} for {@link Output.Count}. */
  public static Flux<Value> of(Output output, Flux<Value.Record> rows, List<Value> args) {
    if (output instanceof Output.Rows r) {
      return rows.map(row -> r.lift().apply(row, args));
    }
    return rows.next().map(row -> (Value) new Value.I64(Values.asLong(row.get(0))))
        .defaultIfEmpty(new Value.I64(0)).flux();
  }
}
