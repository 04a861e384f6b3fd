package io.toasty.reactive;

import io.toasty.driver.Connection;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.reactive.internal.gate.CountedPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/** A test pool of one connection, whose SQL operations {@code answer} answers. */
final class OneConnectionPool extends CountedPool {
  private final Function<Operation.QuerySql, Mono<ExecResponse>> answer;
  /** The BEGINs, COMMITs and ROLLBACKs sent. */
  final AtomicInteger transactionOps = new AtomicInteger();

  OneConnectionPool(Function<Operation.QuerySql, Mono<ExecResponse>> answer) {
    super(1);
    this.answer = answer;
  }

  @Override
  public Mono<Connection> connect() {
    out.incrementAndGet();
    return Mono.just(new Connection() {
      @Override
      public Mono<ExecResponse> exec(Operation operation) {
        if (operation instanceof Operation.Transaction) { // BEGIN, COMMIT: no rows to keep
          transactionOps.incrementAndGet();
          return Mono.just(new ExecResponse.Count(0));
        }
        return answer.apply((Operation.QuerySql) operation);
      }

      @Override
      public Mono<Void> close() {
        return Mono.fromRunnable(out::decrementAndGet);
      }
    });
  }
}
