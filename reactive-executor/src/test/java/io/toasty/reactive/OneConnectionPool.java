package io.toasty.reactive;

import io.toasty.driver.Connection;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.reactive.internal.gate.CountedPool;
import io.toasty.value.RowReader;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A test pool of one connection, whose SQL operations {@code answer} answers. Made
 * {@code pipelining}, its driver says it pipelines reads, and each {@code readEach} is recorded
 * in {@link #pipelines} before the reads run one after the other through {@code answer}.
 */
final class OneConnectionPool extends CountedPool {
  private final Function<Operation.QuerySql, Mono<ExecResponse>> answer;
  private final boolean pipelining;
  /** The BEGINs, COMMITs and ROLLBACKs sent. */
  final AtomicInteger transactionOps = new AtomicInteger();
  /** The reads of each {@code readEach}, in order. */
  final ConcurrentLinkedQueue<List<Operation.QuerySql>> pipelines = new ConcurrentLinkedQueue<>();
  /** Whether a {@code readEach} fails (after it was recorded). */
  volatile boolean pipelineFails;

  OneConnectionPool(Function<Operation.QuerySql, Mono<ExecResponse>> answer) {
    this(answer, false);
  }

  OneConnectionPool(Function<Operation.QuerySql, Mono<ExecResponse>> answer, boolean pipelining) {
    super(1);
    this.answer = answer;
    this.pipelining = pipelining;
  }

  @Override
  public boolean pipelinesReads() {
    return pipelining;
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
      public <T> Flux<List<T>> readEach(List<Operation.QuerySql> queries, int[] fields,
          RowReader<T> reader) {
        pipelines.add(queries);
        return pipelineFails ? Flux.error(new IllegalStateException("the pipeline failed"))
            : Connection.super.readEach(queries, fields, reader);
      }

      @Override
      public Mono<Void> close() {
        return Mono.fromRunnable(out::decrementAndGet);
      }
    });
  }
}
