package io.toasty.reactive.internal.gate;

import io.toasty.driver.Connection;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.error.ConnectionLostException;
import io.toasty.error.PoolTimeoutException;
import io.toasty.value.RowReader;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Whether any operation of one attempt at some work may have reached the database: what makes a
 * retry after a lost connection or a pool timeout provably safe ({@code Retries}). Put in the
 * Reactor Context by {@code Retries.apply}; the connections the attempt takes are wrapped so that
 * each operation counts as possibly sent from its subscription on, unless it fails with an error
 * that says it was never sent ({@link #unsent}). BEGIN and ROLLBACK are not counted: they change
 * no stored data, and a transaction that was not committed is discarded by the database when its
 * session ends.
 */
public final class SendWatch {
  /** The Context key of the current attempt's watch. */
  public static final Object KEY = SendWatch.class;

  private final AtomicInteger maybeSent = new AtomicInteger();

  /** Whether no counted operation of the attempt may have reached the database. */
  public boolean nothingSent() {
    return maybeSent.get() == 0;
  }

  /** Starts a new attempt. */
  public void reset() {
    maybeSent.set(0);
  }

  /** Whether {@code e} says the work it ended never reached the database. */
  static boolean unsent(Throwable e) {
    return e instanceof PoolTimeoutException
        || e instanceof ConnectionLostException lost && lost.nothingSent();
  }

  /** {@code c}, watched by the watch in {@code context} if there is one. */
  static Connection watched(ContextView context, Connection c) {
    return context.<SendWatch>getOrEmpty(KEY).<Connection>map(w -> w.new Watched(c)).orElse(c);
  }

  private static boolean counted(Operation op) {
    return !(op instanceof Operation.Transaction t)
        || t.kind() != Operation.Transaction.Kind.BEGIN
        && t.kind() != Operation.Transaction.Kind.ROLLBACK;
  }

  /**
   * {@code run} counted; a driver may answer with rows that run the statement when read, so an
   * unsent error of the rows uncounts it too.
   */
  private Mono<ExecResponse> counting(Operation op, Mono<ExecResponse> run) {
    return counted(op) ? Mono.defer(() -> {
      maybeSent.incrementAndGet();
      return run.doOnError(this::uncount).map(response -> response instanceof ExecResponse.Rows r
          ? new ExecResponse.Rows(r.rows().doOnError(this::uncount)) : response);
    }) : run;
  }

  private <T> Flux<T> counting(Operation op, Flux<T> run) {
    return counted(op) ? Flux.defer(() -> {
      maybeSent.incrementAndGet();
      return run.doOnError(this::uncount);
    }) : run;
  }

  /** An operation that failed without being sent no longer counts. */
  private void uncount(Throwable e) {
    if (unsent(e)) {
      maybeSent.decrementAndGet();
    }
  }

  /** A connection whose operations this watch counts. */
  private final class Watched implements Connection {
    private final Connection delegate;

    Watched(Connection delegate) {
      this.delegate = delegate;
    }

    @Override
    public Mono<ExecResponse> exec(Operation operation) {
      return counting(operation, delegate.exec(operation));
    }

    @Override
    public <T> Flux<T> read(Operation.QuerySql query, int[] fields, RowReader<T> reader) {
      return counting(query, delegate.read(query, fields, reader));
    }

    @Override
    public <T> Mono<List<T>> readAll(Operation.QuerySql query, int[] fields,
        RowReader<T> reader) {
      return Mono.defer(() -> {
        maybeSent.incrementAndGet();
        return delegate.readAll(query, fields, reader).doOnError(SendWatch.this::uncount);
      });
    }

    @Override
    public <T> Flux<List<T>> readEach(List<Operation.QuerySql> queries, int[] fields,
        RowReader<T> reader) {
      return queries.isEmpty() ? Flux.empty()
          : counting(queries.get(0), delegate.readEach(queries, fields, reader));
    }

    @Override
    public Mono<Void> close() {
      return delegate.close();
    }
  }
}
