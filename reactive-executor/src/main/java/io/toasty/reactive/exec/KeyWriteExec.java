package io.toasty.reactive.exec;

import io.toasty.driver.Operation;
import io.toasty.planner.action.DeleteByKeyAction;
import io.toasty.planner.action.UpdateByKeyAction;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Runs UpdateByKey and DeleteByKey: collect the distinct keys, then one operation (none if empty). */
final class KeyWriteExec {
  private KeyWriteExec() {}

  static Flux<Value.Record> updateByKey(UpdateByKeyAction a, ExecContext cx, Inputs in) {
    return keys(a.keys(), in).flatMapMany(keys -> {
      if (keys.isEmpty()) {
        return a.returning() ? Flux.empty() : Flux.just(ExecContext.count(0));
      }
      return cx.send(new Operation.UpdateByKey(a.table(), keys, a.assignments(), a.filter(),
          cx.args(), a.returning(), a.columns()));
    });
  }

  static Flux<Value.Record> deleteByKey(DeleteByKeyAction a, ExecContext cx, Inputs in) {
    return keys(a.keys(), in).flatMapMany(keys -> keys.isEmpty()
        ? Flux.just(ExecContext.count(0))
        : cx.send(new Operation.DeleteByKey(a.table(), keys, a.filter(), cx.args())));
  }

  private static Mono<List<Value.Record>> keys(int var, Inputs in) {
    return in.of(var).collect(LinkedHashSet<Value.Record>::new, LinkedHashSet::add)
        .map(ArrayList::new);
  }
}
