package io.toasty.reactive.internal.gate;

import io.toasty.driver.Connection;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.reactive.exec.Sender;
import io.toasty.value.RowReader;
import io.toasty.value.Value;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * A transaction's connection, taking one operation at a time whoever sends it: an operation holds
 * the connection from the moment it is sent until its count arrives or its rows end (complete,
 * fail or are cancelled), and the next one waits. This keeps the driver's one-operation-at-a-time
 * contract when cleanups race (a savepoint's rollback and its transaction's, both started by one
 * cancel).
 *
 * <p>Once {@link #seal sealed}, only the transaction's own ending operations pass.
 */
public final class SerialConnection implements Connection, Sender {
  private final Connection delegate;
  private final Sender direct;
  private final Lane lane = new Lane("the connection is closed");
  private final String sealedMessage;
  private volatile boolean sealed;

  public SerialConnection(Connection delegate, String sealedMessage) {
    this.delegate = delegate;
    this.direct = Sender.of(delegate);
    this.sealedMessage = sealedMessage;
  }

  /** A statement's operation: its rows (or count record), the connection held until they end. */
  @Override
  public Flux<Value.Record> send(Operation operation) {
    return held(Flux.defer(() -> sealed
        ? Flux.error(new IllegalStateException(sealedMessage))
        : direct.send(operation)));
  }

  /** A query's rows built by {@code reader}, the connection held until they end ({@link #send}). */
  @Override
  public <T> Flux<T> read(Operation.QuerySql operation, int[] fields, RowReader<T> reader) {
    return held(Flux.defer(() -> sealed
        ? Flux.error(new IllegalStateException(sealedMessage))
        : delegate.read(operation, fields, reader)));
  }

  /** {@link #read}'s records in one list, built by the connection ({@link Connection#readAll}). */
  @Override
  public <T> Mono<List<T>> readAll(Operation.QuerySql operation, int[] fields,
      RowReader<T> reader) {
    return held(Flux.defer(() -> sealed
        ? Flux.error(new IllegalStateException(sealedMessage))
        : delegate.readAll(operation, fields, reader).flux())).single();
  }

  /**
   * A control operation (BEGIN, SAVEPOINT, ...), run to its end once sent; a response of rows is
   * read inside the turn and handed on from memory.
   */
  @Override
  public Mono<ExecResponse> exec(Operation operation) {
    return control(operation, false);
  }

  /** {@link #exec} even when sealed: the transaction's COMMIT or ROLLBACK. */
  public Mono<ExecResponse> execEnding(Operation operation) {
    return control(operation, true);
  }

  /**
   * A control operation runs to its end once sent, even if its subscriber cancels: whether a
   * BEGIN or SAVEPOINT cut short took effect is unknown (some drivers finish it in the
   * background), so the ROLLBACK that follows a cancel waits for it instead of racing it.
   */
  private Mono<ExecResponse> control(Operation operation, boolean ending) {
    Mono<ExecResponse> run = Mono.defer(() -> !ending && sealed
        ? Mono.error(new IllegalStateException(sealedMessage))
        : delegate.exec(operation).flatMap(response -> response instanceof ExecResponse.Rows r
            ? r.rows().collectList().map(rows -> new ExecResponse.Rows(Flux.fromIterable(rows)))
            : Mono.just(response)));
    return Mono.defer(() -> {
      Sinks.One<ExecResponse> outcome = Sinks.one();
      held(run.flux()).next().subscribe(outcome::tryEmitValue, outcome::tryEmitError,
          outcome::tryEmitEmpty);
      return outcome.asMono();
    });
  }

  /**
   * Refuses every {@link #send} and {@link #exec} whose turn comes after this, even if sent
   * before: nothing but the transaction's ending runs once it has begun to end.
   */
  public void seal() {
    sealed = true;
  }

  /** Returns the connection to the pool once the operations sent before are done. */
  @Override
  public Mono<Void> close() {
    return held(Mono.defer(delegate::close).flux()).then();
  }

  private <T> Flux<T> held(Flux<T> work) {
    return lane.acquire(null).flatMapMany(turn -> turn.start()
        ? work.doFinally(s -> turn.finish())
        : Flux.empty());
  }
}
