package io.toasty.r2dbc;

import io.r2dbc.spi.Connection;
import io.toasty.value.Value;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Makes a mutation that returns rows through a data-change delta table atomic.
 *
 * <p>H2 (2.4) does not undo a failed {@code SELECT .. FROM FINAL TABLE (UPDATE ..)}: when the
 * update fails a unique check, the row it was changing is already gone, in autocommit and inside
 * a transaction alike. So the statement runs in a transaction of its own (autocommit) or under a
 * savepoint (inside the caller's transaction), rolled back on error and on cancel. Its rows are
 * few (one per changed record) and are handed on only once the change is committed or released.
 */
final class DeltaTableGuard {
  private static final String SAVEPOINT = "toasty_delta_table";

  private DeltaTableGuard() {}

  static Flux<Value.Record> atomically(Connection connection,
      Flux<Value.Record> rows) {
    return Flux.defer(() -> connection.isAutoCommit()
            ? inOwnTransaction(connection, rows)
            : underSavepoint(connection, rows))
        .collectList()          // wait for COMMIT or RELEASE before handing anything on
        .flatMapIterable(lists -> lists.get(0));
  }

  private static Flux<List<Value.Record>> inOwnTransaction(Connection connection,
      Flux<Value.Record> rows) {
    return Flux.usingWhen(
        Mono.from(connection.beginTransaction()).thenReturn(connection),
        c -> rows.collectList(),
        c -> c.commitTransaction(),
        (c, error) -> c.rollbackTransaction(),
        c -> c.rollbackTransaction());
  }

  private static Flux<List<Value.Record>> underSavepoint(Connection connection,
      Flux<Value.Record> rows) {
    return Flux.usingWhen(
        Mono.from(connection.createSavepoint(SAVEPOINT)).thenReturn(connection),
        c -> rows.collectList(),
        c -> c.releaseSavepoint(SAVEPOINT),
        (c, error) -> c.rollbackTransactionToSavepoint(SAVEPOINT),
        c -> c.rollbackTransactionToSavepoint(SAVEPOINT));
  }
}
