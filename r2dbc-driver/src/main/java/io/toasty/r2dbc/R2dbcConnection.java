package io.toasty.r2dbc;

import io.r2dbc.spi.Result;
import io.toasty.DriverException;
import io.toasty.Feature;
import io.toasty.UnsupportedFeatureException;
import io.toasty.driver.Connection;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.r2dbc.codec.ValueCodec;
import io.toasty.r2dbc.dialect.SqlDialect.MutationReturning;
import io.toasty.r2dbc.sql.RenderedSql;
import io.toasty.stmt.Source;
import io.toasty.stmt.Statement;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One pooled R2DBC connection. Runs {@code QuerySql}, {@code Insert} and {@code Transaction}
 * operations one after another through an {@link OperationLane} (a write whose subscriber cancels
 * still runs to its end before the next operation starts); rows stream from {@code Result.map}
 * with the subscriber's demand.
 */
final class R2dbcConnection implements Connection {
  private static final ExecResponse.Count NONE = new ExecResponse.Count(0);
  private static final Pattern SAVEPOINT_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final io.r2dbc.spi.Connection connection;
  private final DriverParts parts;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final OperationLane lane = new OperationLane();
  /** A BEGIN was sent (or may have been) and no COMMIT or ROLLBACK has ended it since. */
  private volatile boolean begun;
  /** Operations whose turn comes are refused: see {@link #seal()}. */
  private volatile boolean sealed;

  R2dbcConnection(io.r2dbc.spi.Connection connection, DriverParts parts) {
    this.connection = connection;
    this.parts = parts;
  }

  @Override
  public Mono<ExecResponse> exec(Operation operation) {
    Objects.requireNonNull(operation, "operation");
    if (closed.get()) {
      return Mono.error(new DriverException(parts.dialect().backend(), null,
          "the connection was closed", null));
    }
    if (operation instanceof Operation.QuerySql q) {
      return statement(q.statement(), q.args(), q.rowType());
    }
    if (operation instanceof Operation.Insert i) {
      return statement(i.statement(), i.args(), i.rowType());
    }
    if (operation instanceof Operation.Transaction t) {
      return transaction(t);
    }
    return Mono.error(new UnsupportedFeatureException(Feature.SQL,
        parts.dialect().backend(), operation.getClass().getSimpleName() + ": "
        + "an SQL driver runs QuerySql, Insert and Transaction operations"));
  }

  private Mono<ExecResponse> statement(Statement statement, List<Value> args, List<Type> rowType) {
    String table = statement.source() instanceof Source.Table t ? t.table() : null;
    boolean delete = statement instanceof io.toasty.stmt.Delete;
    Function<Throwable, Throwable> translate = e -> parts.errors().translate(e, table, delete);
    return Mono.defer(() -> {
      RenderedSql sql = parts.renderer().render(statement);
      if (!sql.returnsRows()) {
        return lane.write(inTurn(Mono.defer(() -> Flux.from(prepare(sql, args).execute())
                .concatMap(Result::getRowsUpdated)
                .reduce(0L, Long::sum)))
            .onErrorMap(translate))
            .<ExecResponse>map(ExecResponse.Count::new);
      }
      io.r2dbc.spi.Statement prepared = prepare(sql, args);
      List<Type> types = rowType.isEmpty() ? sql.returnTypes() : rowType;
      ValueCodec codec = parts.codec();
      // Subscribing runs the statement: a second subscription would run an insert twice.
      AtomicBoolean executed = new AtomicBoolean();
      Flux<Value.Record> rows = Flux.defer(() -> executed.compareAndSet(false, true)
              ? inTurn(Mono.just(prepared)).flatMapMany(p -> p.execute())
              : Flux.error(new IllegalStateException("these rows were already read")))
          .concatMap(result -> result.map((row, metadata) -> codec.decodeRow(row, metadata, types)),
              1)
          // One row of demand ahead of the subscriber: r2dbc-postgresql and r2dbc-mysql read the
          // end of a result (CommandComplete, OK) only on demand, so a subscriber that asks for
          // exactly as many rows as there are would wait for onComplete forever. At most one row
          // waits here; backpressure is otherwise the subscriber's.
          .limitRate(1);
      if (needsDeltaTableGuard(statement)) {
        rows = DeltaTableGuard.atomically(connection, rows);
      }
      // A read is cut short at once where that costs nothing (H2, SQLite); over a wire protocol
      // the server sends every row anyway, and the drivers' own cancel path can drop buffers
      // (dialect.drainsCancelledReads), so there a cancelled read is read to its end, like a write.
      boolean cutShort = statement instanceof io.toasty.stmt.Query
          && !parts.dialect().drainsCancelledReads();
      rows = cutShort ? lane.readRows(rows) : lane.writeRows(rows);
      return Mono.<ExecResponse>just(new ExecResponse.Rows(rows.onErrorMap(translate)));
    }).onErrorMap(translate);
  }

  private boolean needsDeltaTableGuard(Statement statement) {
    return (statement instanceof io.toasty.stmt.Update || statement instanceof io.toasty.stmt.Delete)
        && parts.dialect().mutationReturning() == MutationReturning.DATA_CHANGE_DELTA_TABLE;
  }

  private io.r2dbc.spi.Statement prepare(RenderedSql sql, List<Value> args) {
    io.r2dbc.spi.Statement prepared = connection.createStatement(sql.sql());
    ValueCodec codec = parts.codec();
    Type[] types = sql.markerTypes();
    for (int k = 0; k < sql.markerCount(); k++) {
      codec.bind(prepared, k, sql.valueAt(k, args), types[k]);
    }
    if (!sql.generatedColumns().isEmpty()) {
      prepared.returnGeneratedValues(sql.generatedColumns().toArray(new String[0]));
    }
    return prepared;
  }

  private Mono<ExecResponse> transaction(Operation.Transaction t) {
    return lane.write(inTurn(Mono.defer(() -> switch (t.kind()) {
      case BEGIN -> {
        begun = true;
        yield begin(t);
      }
      case COMMIT -> end("COMMIT", connection::commitTransaction);
      case ROLLBACK -> rollback();
      case SAVEPOINT -> Mono.from(connection.createSavepoint(savepoint(t)));
      case RELEASE_SAVEPOINT -> Mono.from(connection.releaseSavepoint(savepoint(t)));
      case ROLLBACK_TO_SAVEPOINT ->
          Mono.from(connection.rollbackTransactionToSavepoint(savepoint(t)));
    }))
        .then(Mono.<ExecResponse>just(NONE))
        .onErrorMap(e -> parts.errors().translate(e, null)));
  }

  /** BEGIN, as the dialect's statements where it has them, else through the R2DBC driver. */
  private Mono<Void> begin(Operation.Transaction t) {
    TransactionOptions options = TransactionOptions.of(t);
    List<String> statements = parts.dialect().beginStatements(
        options.isolation() == null ? null : options.isolation().asSql(), t.readOnly());
    if (!statements.isEmpty()) {
      return Flux.fromIterable(statements).concatMap(this::sql).then();
    }
    return Mono.from(t.isolation() == null && !t.readOnly()
        ? connection.beginTransaction()
        : connection.beginTransaction(options));
  }

  /**
   * Rolls back, also when the R2DBC driver does not know that a transaction is open.
   *
   * <p>r2dbc-postgresql and r2dbc-mysql skip {@code rollbackTransaction()} and
   * {@code commitTransaction()} when the transaction status of the last server answer they read
   * says no transaction is open, and after a cancelled BEGIN or a result cancelled mid-stream
   * that status can be behind the session's. A skipped ROLLBACK would let the pool hand the next
   * borrower a session inside the cancelled transaction, whose COMMIT would then commit the
   * cancelled rows too (seen as partial commits in the TCK's random-cancel scenario). So once a
   * BEGIN was sent, COMMIT and ROLLBACK are sent as statements, which always run; the driver's
   * own call follows, to bring its state (and the pool's, and H2's autocommit) in line, and
   * finds nothing left to do.
   */
  private Mono<Void> rollback() {
    return end("ROLLBACK", connection::rollbackTransaction);
  }

  /** COMMIT or ROLLBACK: the statement once a BEGIN was sent, then the driver's own call. */
  private Mono<Void> end(String sql, Supplier<Publisher<Void>> driverCall) {
    return (begun ? sql(sql) : Mono.<Void>empty())
        .then(Mono.defer(() -> Mono.from(driverCall.get())))
        .doOnSuccess(v -> begun = false);
  }

  /** Runs one SQL statement of no result. */
  private Mono<Void> sql(String sql) {
    return Flux.from(connection.createStatement(sql).execute())
        .concatMap(Result::getRowsUpdated)
        .then();
  }

  /** The savepoint's name; drivers splice it into SQL unquoted, so only plain names pass. */
  private static String savepoint(Operation.Transaction t) {
    if (t.savepoint() == null || !SAVEPOINT_NAME.matcher(t.savepoint()).matches()) {
      throw new IllegalArgumentException(t.kind() + " needs a savepoint name of letters, digits "
          + "and underscores, not " + t.savepoint());
    }
    return t.savepoint();
  }

  /**
   * Takes a turn on the lane that refuses every operation whose turn comes later, and completes
   * once every operation before it has run to its end, cancelled ones too. An owner that ends
   * the transaction itself (Spring's, on an adopted connection) waits for this before its
   * COMMIT or ROLLBACK: no write of ours can then reach the database after it, where it would
   * commit on its own.
   */
  Mono<Void> seal() {
    return lane.write(Mono.fromRunnable(() -> sealed = true));
  }

  /** {@code work}, unless the connection was sealed before its turn came. */
  private <T> Mono<T> inTurn(Mono<T> work) {
    return Mono.defer(() -> sealed ? Mono.error(new DriverException(parts.dialect().backend(),
        null, "the transaction this connection was lent to has ended", null)) : work);
  }

  /** The dialect this connection's statements are written in. */
  io.toasty.r2dbc.dialect.SqlDialect dialect() {
    return parts.dialect();
  }

  /**
   * Runs DDL statements one after another (schema push and reset), in one transaction where the
   * dialect's DDL is transactional.
   */
  Mono<Void> executeDdl(List<String> statements) {
    Mono<Void> each = Flux.defer(() -> Flux.fromIterable(statements))
        .concatMap(sql -> Flux.defer(() -> connection.createStatement(sql).execute())
            .concatMap(Result::getRowsUpdated))
        .then();
    Mono<Void> run = !parts.dialect().transactionalDdl() ? each
        : Mono.usingWhen(Mono.from(connection.beginTransaction()).thenReturn(connection),
            c -> each, c -> c.commitTransaction(), (c, e) -> c.rollbackTransaction(),
            c -> c.rollbackTransaction());
    return lane.write(run.onErrorMap(e -> parts.errors().translate(e, null)));
  }

  /**
   * Returns the connection to the pool; a transaction still open (the caller did not end it) is
   * rolled back first, as {@link #rollback()} does, so that no borrower inherits it.
   */
  @Override
  public Mono<Void> close() {
    return Mono.defer(() -> {
      if (!closed.compareAndSet(false, true)) {
        return Mono.empty();
      }
      // In its turn, after the work of every operation started before, also cancelled ones.
      return lane.write(Mono.defer(() -> begun ? rollback() : Mono.<Void>empty())
              .onErrorResume(e -> Mono.empty()))
          .then(Mono.defer(() -> Mono.from(connection.close())));
    });
  }
}
