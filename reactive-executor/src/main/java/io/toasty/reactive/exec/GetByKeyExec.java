package io.toasty.reactive.exec;

import io.toasty.driver.Operation;
import io.toasty.planner.action.GetByKeyAction;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import reactor.core.publisher.Flux;

/**
 * Runs a {@link GetByKeyAction}: collects the keys (a key read needs them all), drops repeats, and
 * sends one {@code Operation.GetByKey}; with no keys it sends nothing.
 */
final class GetByKeyExec {
  private GetByKeyExec() {}

  static Flux<Value.Record> run(GetByKeyAction a, ExecContext cx, Inputs in) {
    return in.of(a.keys()).collect(LinkedHashSet<Value.Record>::new, LinkedHashSet::add)
        .flatMapMany(keys -> keys.isEmpty() ? Flux.empty()
            : cx.send(new Operation.GetByKey(a.table(), a.columns(), new ArrayList<>(keys))));
  }
}
