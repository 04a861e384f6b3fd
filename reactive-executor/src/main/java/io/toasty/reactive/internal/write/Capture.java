package io.toasty.reactive.internal.write;

import io.toasty.driver.Connection;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.reactive.exec.Sender;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The operations of a batch's plans, held back and sent as one {@code Operation.Atomic}. Each
 * plan's {@link #sender} records its one operation and answers with that operation's part of the
 * combined response once {@link #send} has it. A plan whose inputs are in memory reaches its
 * operation while it is subscribed, so every plan has recorded its operation when {@code send}
 * (subscribed last) runs; a second operation, or one after the request went, is an error (the
 * planner only lets plans of one operation into such a batch).
 */
public final class Capture {
  private final Operation[] operations;
  private final Sinks.One<List<ExecResponse>> responses = Sinks.one();
  private final int[] position;
  private volatile boolean sent;

  public Capture(int statements) {
    operations = new Operation[statements];
    position = new int[statements];
  }

  /** The sender of statement {@code i}. */
  public Sender sender(int i) {
    return op -> {
      if (sent || operations[i] != null) {
        return Flux.error(new IllegalStateException("statement " + (i + 1) + " of an atomic "
            + "batch sent a second operation, or one after the batch's request: " + op));
      }
      operations[i] = op;
      return responses.asMono().flatMapMany(all -> rows(all.get(position[i])));
    };
  }

  /** Sends the recorded operations as one request (nothing when none was recorded). */
  public Mono<Void> send(Connection connection) {
    return Mono.defer(() -> {
      sent = true;
      List<Operation> ops = new ArrayList<>();
      for (int i = 0; i < operations.length; i++) {
        if (operations[i] != null) {
          position[i] = ops.size();
          ops.add(operations[i]);
        }
      }
      if (ops.isEmpty()) {
        responses.tryEmitValue(List.of());
        return Mono.empty();
      }
      return connection.exec(new Operation.Atomic(ops))
          .doOnNext(r -> responses.tryEmitValue(((ExecResponse.Each) r).responses()))
          .doOnError(responses::tryEmitError)
          .then();
    });
  }

  private static Flux<Value.Record> rows(ExecResponse response) {
    return response instanceof ExecResponse.Rows r ? r.rows()
        : Flux.just(Sender.count(((ExecResponse.Count) response).count()));
  }
}
