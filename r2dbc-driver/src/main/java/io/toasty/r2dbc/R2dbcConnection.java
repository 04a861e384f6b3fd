package io.toasty.r2dbc;

import io.r2dbc.spi.Result;
import io.toasty.DriverException;
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
import java.util.regex.Pattern;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One pooled R2DBC connection. Runs {@code QuerySql}, {@code Insert} and {@code Transaction}
 * operations; rows stream from {@code Result.map} with the subscriber's demand.
 */
final class R2dbcConnection implements Connection {
  private static final ExecResponse.Count NONE = new ExecResponse.Count(0);
  private static final Pattern SAVEPOINT_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final io.r2dbc.spi.Connection connection;
  private final DriverParts parts;
  private final AtomicBoolean closed = new AtomicBoolean();

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
    return Mono.error(new UnsupportedFeatureException(operation.getClass().getSimpleName(),
        parts.dialect().backend(), "an SQL driver runs QuerySql, Insert and Transaction operations"));
  }

  private Mono<ExecResponse> statement(Statement statement, List<Value> args, List<Type> rowType) {
    String table = statement.source() instanceof Source.Table t ? t.table() : null;
    boolean delete = statement instanceof io.toasty.stmt.Delete;
    Function<Throwable, Throwable> translate = e -> parts.errors().translate(e, table, delete);
    return Mono.defer(() -> {
      RenderedSql sql = parts.renderer().render(statement);
      io.r2dbc.spi.Statement prepared = prepare(sql, args);
      if (!sql.returnsRows()) {
        return Flux.from(prepared.execute())
            .concatMap(Result::getRowsUpdated)
            .reduce(0L, Long::sum)
            .<ExecResponse>map(ExecResponse.Count::new);
      }
      List<Type> types = rowType.isEmpty() ? sql.returnTypes() : rowType;
      ValueCodec codec = parts.codec();
      // Subscribing runs the statement: a second subscription would run an insert twice.
      AtomicBoolean executed = new AtomicBoolean();
      Flux<Value.Record> rows = Flux.defer(() -> executed.compareAndSet(false, true)
              ? Flux.from(prepared.execute())
              : Flux.error(new IllegalStateException("these rows were already read")))
          .concatMap(result -> result.map((row, metadata) -> codec.decodeRow(row, metadata, types)),
              1);
      if (needsDeltaTableGuard(statement)) {
        rows = DeltaTableGuard.atomically(connection, rows);
      }
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
    return Mono.defer(() -> Mono.from(switch (t.kind()) {
      case BEGIN -> t.isolation() == null && !t.readOnly()
          ? connection.beginTransaction()
          : connection.beginTransaction(TransactionOptions.of(t));
      case COMMIT -> connection.commitTransaction();
      case ROLLBACK -> connection.rollbackTransaction();
      case SAVEPOINT -> connection.createSavepoint(savepoint(t));
      case RELEASE_SAVEPOINT -> connection.releaseSavepoint(savepoint(t));
      case ROLLBACK_TO_SAVEPOINT -> connection.rollbackTransactionToSavepoint(savepoint(t));
    }))
        .then(Mono.<ExecResponse>just(NONE))
        .onErrorMap(e -> parts.errors().translate(e, null));
  }

  /** The savepoint's name; drivers splice it into SQL unquoted, so only plain names pass. */
  private static String savepoint(Operation.Transaction t) {
    if (t.savepoint() == null || !SAVEPOINT_NAME.matcher(t.savepoint()).matches()) {
      throw new IllegalArgumentException(t.kind() + " needs a savepoint name of letters, digits "
          + "and underscores, not " + t.savepoint());
    }
    return t.savepoint();
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
    return run.onErrorMap(e -> parts.errors().translate(e, null));
  }

  @Override
  public Mono<Void> close() {
    return Mono.defer(() -> closed.compareAndSet(false, true)
        ? Mono.from(connection.close())
        : Mono.empty());
  }
}
