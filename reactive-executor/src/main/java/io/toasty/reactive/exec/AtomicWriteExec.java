package io.toasty.reactive.exec;

import io.toasty.driver.Operation;
import io.toasty.planner.action.AtomicWriteAction;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Runs an {@link AtomicWriteAction}: each write runs with a sender that only records its
 * operation (its inputs are stored variables, so it reaches the operation while subscribed), then
 * the recorded operations go to the driver as one {@code Operation.Atomic}, and each write gets
 * its own count back. A write that sends nothing (no keys) is left out of the request.
 */
final class AtomicWriteExec {
  private AtomicWriteExec() {}

  static Flux<Value.Record> run(AtomicWriteAction a, ExecContext cx, Inputs in) {
    return Flux.defer(() -> {
      int n = a.writes().size();
      Operation[] ops = new Operation[n];
      Sinks.One<List<Value.Record>> answers = Sinks.one();
      int[] position = new int[n];
      List<Mono<List<Value.Record>>> members = new ArrayList<>(n + 1);
      for (int i = 0; i < n; i++) {
        int at = i;
        Sender record = op -> {
          if (ops[at] != null) {
            return Flux.error(new IllegalStateException("write " + (at + 1) + " of an atomic "
                + "write sent a second operation: " + op));
          }
          ops[at] = op;
          return answers.asMono().flatMapMany(all -> Flux.just(all.get(position[at])));
        };
        members.add(Dispatch.run(a.writes().get(i), new ExecContext(record, cx.args()), in)
            .collectList());
      }
      Mono<List<Value.Record>> send = Mono.defer(() -> {
        List<Operation> sent = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          if (ops[i] != null) {
            position[i] = sent.size();
            sent.add(ops[i]);
          }
        }
        if (sent.isEmpty()) {
          answers.tryEmitValue(List.of());
          return Mono.empty();
        }
        return cx.send(new Operation.Atomic(sent)).collectList()
            .doOnNext(answers::tryEmitValue)
            .doOnError(answers::tryEmitError)
            .then(Mono.empty());
      });
      members.add(send);
      return Flux.mergeSequential(members, members.size(), 1)
          .map(rows -> rows.isEmpty() ? ExecContext.count(0) : rows.get(0));
    });
  }
}
