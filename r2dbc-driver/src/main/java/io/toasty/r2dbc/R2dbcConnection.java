package io.toasty.r2dbc;

import io.r2dbc.spi.ColumnMetadata;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.RowMetadata;
import io.r2dbc.spi.Statement;
import io.r2dbc.spi.Wrapped;
import io.toasty.driver.Connection;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.error.ConnectionLostException;
import io.toasty.error.DriverException;
import io.toasty.error.QueryTimeoutException;
import io.toasty.error.UniqueViolationException;
import io.toasty.r2dbc.codec.RowColumns;
import io.toasty.r2dbc.codec.ValueCodec;
import io.toasty.r2dbc.pool.Abandonable;
import io.toasty.r2dbc.pool.LocallyValidated;
import io.toasty.sql.dialect.SqlDialect;
import io.toasty.sql.dialect.SqlDialect.MutationReturning;
import io.toasty.sql.error.UnreadableColumnException;
import io.toasty.sql.lane.OperationLane;
import io.toasty.sql.push.DdlSession;
import io.toasty.sql.render.InsertEcho;
import io.toasty.sql.render.RawStatementText;
import io.toasty.sql.render.RenderedSql;
import io.toasty.sql.session.SessionTimeout;
import io.toasty.sql.session.SqlOperations;
import io.toasty.sql.session.UpsertRetry;
import io.toasty.stmt.DeleteNode;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.Source;
import io.toasty.stmt.StatementNode;
import io.toasty.stmt.UpdateNode;
import io.toasty.value.RowReader;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One pooled R2DBC connection. Runs {@code QuerySql}, {@code Insert}, {@code RawSql} and
 * {@code Transaction} operations one after another through an {@link OperationLane} (a write
 * whose subscriber cancels still runs to its end before the next operation starts); rows stream
 * from {@code Result.map} with the subscriber's demand.
 */
final class R2dbcConnection implements Connection, DdlSession, SqlOperations {
  private static final Logger LOG = LoggerFactory.getLogger(
      R2dbcConnection.class);
  private static final ExecResponse.Count NONE = new ExecResponse.Count(0);

  private final io.r2dbc.spi.Connection connection;
  private final DriverParts parts;
  // a field updater, not an AtomicBoolean: one object fewer per connection lent
  private static final AtomicIntegerFieldUpdater<R2dbcConnection>
      CLOSED = AtomicIntegerFieldUpdater.newUpdater(
          R2dbcConnection.class, "closed");
  private volatile int closed;
  private final OperationLane lane = new OperationLane();
  /** A BEGIN was sent (or may have been) and no COMMIT or ROLLBACK has ended it since. */
  private volatile boolean begun;
  /** Operations whose turn comes are refused: see {@link #seal()}. */
  private volatile boolean sealed;
  /** An operation failed with a connection-level error: never hand this connection out again. */
  private volatile boolean lost;
  /** The release gave up waiting for the operations before it: the session stopped answering. */
  private volatile boolean wedged;
  /** The session's statement timeout, set per statement from its Context. */
  private final SessionTimeout timeout;
  /** How long a release waits for its turn: see {@link #close()}. */
  private final Duration releaseGrace;

  /** How long a release waits for the operations before it, unless told otherwise. */
  static final Duration RELEASE_GRACE = Duration.ofSeconds(10);

  /**
   * A connection whose session has statement timeout {@code lent} (null: none) when lent, and
   * whose statements get {@code fallback} (null: none) unless their Context says otherwise.
   */
  R2dbcConnection(io.r2dbc.spi.Connection connection, DriverParts parts, @Nullable Duration lent,
      @Nullable Duration fallback) {
    this(connection, parts, lent, fallback, RELEASE_GRACE);
  }

  /** As above, with a release that waits at most {@code releaseGrace} for its turn. */
  R2dbcConnection(io.r2dbc.spi.Connection connection, DriverParts parts, @Nullable Duration lent,
      @Nullable Duration fallback, Duration releaseGrace) {
    this.connection = connection;
    this.parts = parts;
    this.timeout = new SessionTimeout(parts.dialect(), lent, fallback,
        limit -> StatementLimit.apply(connection, parts.dialect(), limit));
    this.releaseGrace = releaseGrace;
  }

  @Override
  public Mono<ExecResponse> exec(Operation operation) {
    return SqlOperations.run(operation, this, timeout, parts.dialect().backend());
  }

  @Override
  public boolean isClosed() {
    return closed != 0;
  }

  /** {@code statement} in its turn, after {@code limit} has set the session's timeout. */
  @Override
  public Mono<ExecResponse> statement(
      StatementNode statement, List<Value> args, List<Type> rowType, Mono<Void> limit) {
    String table = statement.source() instanceof Source.Table t ? t.table() : null;
    boolean delete = statement instanceof DeleteNode;
    List<Integer> computed = SqlOperations.computedColumns(statement);
    Function<Throwable, Throwable> translate = e -> translated(e, table, delete, computed,
        statement, args);
    return Mono.defer(() -> {
      RenderedSql sql = parts.renderer().render(statement);
      if (!sql.returnsRows()) {
        return lane.write(inTurn(limit.then(Mono.defer(() -> Flux.from(prepare(sql, args).execute())
                .concatMap(Result::getRowsUpdated)
                .reduce(0L, Long::sum))))
            .onErrorMap(translate))
            .onErrorResume(e -> namingTheKey(e, statement, args).flatMap(Mono::error))
            .<ExecResponse>map(ExecResponse.Count::new);
      }
      // prepared once per run (a second subscription is refused, not a second execution)
      Supplier<Flux<Value.Record>> run = () -> limit.thenMany(rows(statement, sql, args,
          rowType));
      Flux<Value.Record> rows = SqlOperations.mayLoseRace(statement, parts.dialect())
          ? UpsertRetry.retried(run, e -> translate.apply(e) instanceof UniqueViolationException)
          : run.get();
      // A read is cut short at once where that costs nothing (H2, SQLite); over a wire protocol
      // the server sends every row anyway, and the drivers' own cancel path can drop buffers
      // (dialect.drainsCancelledReads), so there a cancelled read is read to its end, like a write.
      boolean cutShort = statement instanceof Query
          && !parts.dialect().drainsCancelledReads();
      rows = cutShort ? lane.readRows(rows, translate) : lane.writeRows(rows, translate)
          .onErrorResume(e -> namingTheKey(e, statement, args).flatMap(Mono::error));
      return Mono.<ExecResponse>just(new ExecResponse.Rows(rows));
    }).onErrorMap(translate);
  }

  /**
   * A path query: one recursive CTE, read as a query is (cut short on cancel where that costs
   * nothing, else read to its end).
   */
  @Override
  public Mono<ExecResponse> path(Operation.PathQuery p, Mono<Void> limit) {
    Function<Throwable, Throwable> translate = e -> translated(e, null, false);
    return Mono.defer(() -> {
      RenderedSql sql = parts.renderer().render(p.statement());
      ValueCodec codec = parts.codec();
      Flux<Value.Record> rows = limit.thenMany(Flux.defer(() -> executed(sql, p.args(),
          (row, metadata) -> codec.decodeRow(row, metadata, p.rowType()))));
      rows = parts.dialect().drainsCancelledReads() ? lane.writeRows(rows, translate)
          : lane.readRows(rows, translate);
      return Mono.<ExecResponse>just(new ExecResponse.Rows(rows));
    }).onErrorMap(translate);
  }

  /**
   * A raw statement: its text with this dialect's markers, its values bound in order. Rows are
   * read to their end even when the subscriber cancels, as a write's are: the text may write.
   */
  @Override
  public Mono<ExecResponse> raw(Operation.RawSql r, Mono<Void> limit) {
    Function<Throwable, Throwable> translate = e -> translated(e, null, false);
    return Mono.defer(() -> {
      Statement prepared = connection.createStatement(
          RawStatementText.render(r.text(), parts.dialect()));
      for (int k = 0; k < r.args().size(); k++) {
        parts.codec().bind(prepared, k, r.args().get(k), null);
      }
      if (!r.returnsRows()) {
        return lane.write(inTurn(limit.then(Mono.defer(() -> Flux.from(prepared.execute())
                .concatMap(Result::getRowsUpdated)
                .reduce(0L, Long::sum))))
            .onErrorMap(translate))
            .<ExecResponse>map(ExecResponse.Count::new);
      }
      Flux<Value.Record> rows = new RowStream<>(
          () -> inTurn(limit).thenMany(Flux.defer(() -> Flux.from(prepared.execute()))),
          (row, metadata) -> labelled(row, metadata, r.rowType()));
      return Mono.<ExecResponse>just(new ExecResponse.Rows(lane.writeRows(rows, translate)));
    }).onErrorMap(translate);
  }

  /** A raw row as {@code (labels, values)}, each column read as its type in {@code rowType}. */
  private Value.Record labelled(io.r2dbc.spi.Row row, RowMetadata metadata,
      List<Type> rowType) {
    List<? extends ColumnMetadata> columns = metadata.getColumnMetadatas();
    Value[] labels = new Value[columns.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = new Value.Str(columns.get(i).getName());
    }
    List<Type> types = rowType.isEmpty()
        ? Collections.nCopies(labels.length, Type.Scalar.NULL) : rowType;
    return Value.Record.of(Value.Record.adopt(labels),
        parts.codec().decodeRow(row, metadata, types));
  }

  /** The rows of one execution of {@code sql}: each call prepares and runs it once. */
  private Flux<Value.Record> rows(StatementNode statement, RenderedSql sql, List<Value> args,
      List<Type> rowType) {
    List<Type> types = rowType.isEmpty() ? sql.returnTypes() : rowType;
    ValueCodec codec = parts.codec();
    InsertEcho echo = sql.echo();
    int[] next = {0}; // the VALUES row the next returned row belongs to (rows come in order)
    // the column count is checked once per result's metadata, not per row
    RowMetadata[] checked = {null};
    Flux<Value.Record> rows = echo == null ? executed(sql, args, (row, metadata) -> {
          if (metadata != checked[0]) {
            codec.requireColumns(metadata, types);
            checked[0] = metadata;
          }
          return decoded(statement, codec, row, metadata, types, true);
        })
        : executed(sql, args, (row, metadata) -> echo.row(next[0]++,
            decoded(statement, codec, row, metadata, echo.returnedTypes()), sql, args,
            codec::asReturned));
    if (needsDeltaTableGuard(statement)) {
      return DeltaTableGuard.atomically(connection, rows);
    }
    if (SqlOperations.mayLoseRace(statement, parts.dialect())) {
      // In autocommit a failed statement leaves nothing behind; in a transaction a savepoint
      // keeps a failure from aborting it (PostgreSQL), so the upsert can run again.
      Flux<Value.Record> once = rows;
      return Flux.defer(() -> connection.isAutoCommit() ? once
          : DeltaTableGuard.atomically(connection, once));
    }
    return rows;
  }

  /**
   * Each row of one execution of {@code sql} mapped by {@code mapper}; subscribing runs the
   * statement, so a second subscription (which would run an insert twice) is an error.
   */
  private <T> Flux<T> executed(RenderedSql sql, List<Value> args,
      BiFunction<io.r2dbc.spi.Row, RowMetadata, T> mapper) {
    Statement prepared = prepare(sql, args);
    // inTurn's check, without a Mono around the statement: this runs for every query. RowStream
    // keeps one row of demand ahead, so that the drivers read each result's end.
    return new RowStream<>(() -> sealed ? Mono.<Result>error(sealedError()) : prepared.execute(),
        mapper);
  }

  /**
   * A query's rows built straight into records: each column read by index into the reader's
   * field, with no {@code Value} per cell and the field positions fixed for the execution. The
   * rows of a write, and any operation this connection cannot run now, go the value path.
   */
  @Override
  public <T> Flux<T> read(Operation.QuerySql query, int[] fields, RowReader<T> reader) {
    StatementNode statement = query.statement();
    if (!(statement instanceof Query) || closed != 0) {
      return Connection.super.read(query, fields, reader);
    }
    String table = statement.source() instanceof Source.Table t ? t.table() : null;
    // The reader's own failure is the engine's, as model.load's is on the value path: untouched.
    Function<Throwable, Throwable> translate = e -> e instanceof ReaderFailure ? e.getCause()
        : translated(e, table, false);
    // Made when called, not in a defer: the engine calls this when the rows are subscribed.
    // Nothing is sent before the rows are subscribed (executed runs the statement then).
    Flux<T> rows;
    try {
      RenderedSql sql = parts.renderer().render(statement);
      List<Type> types = query.rowType().isEmpty() ? sql.returnTypes() : query.rowType();
      RowColumns columns = new RowColumns(fields, parts.dialect().readsColumnsByType(),
          parts.dialect().capability().valueRanges());
      rows = executed(sql, query.args(),
          (row, metadata) -> typed(statement, columns.at(row), reader, row, metadata, types));
    } catch (RuntimeException e) {
      return Flux.error(translate.apply(e));
    }
    // As statement(..) does for a query: cut short where that costs nothing, else drained.
    // The lane's turn and the error translation in one subscriber (OperationLane.InTurn).
    return parts.dialect().drainsCancelledReads() ? lane.writeRows(rows, translate)
        : lane.readRows(rows, translate);
  }

  /** Carries a row reader's failure past the translation of the driver's errors. */
  private static final class ReaderFailure extends RuntimeException {
    ReaderFailure(RuntimeException cause) {
      super(cause.getMessage(), cause, false, false);
    }
  }

  /**
   * One row read by {@code reader}; a row it cannot read fails as on the value path: with the
   * column's decoding error where a column is unreadable (it names the model, field and key),
   * else with the reader's own (it names the model and field).
   */
  private <T> T typed(StatementNode statement, RowColumns columns, RowReader<T> reader,
      io.r2dbc.spi.Row row, RowMetadata metadata, List<Type> types) {
    try {
      return reader.read(columns);
    } catch (RuntimeException e) {
      decoded(statement, parts.codec(), row, metadata, types);
      throw new ReaderFailure(e);
    }
  }

  /** One row decoded; a value its field cannot hold names the model, field and key. */
  private Value.Record decoded(StatementNode statement, ValueCodec codec, io.r2dbc.spi.Row row,
      RowMetadata metadata, List<Type> types) {
    return decoded(statement, codec, row, metadata, types, false);
  }

  /** {@link #decoded}, the column count already checked for this row's metadata if {@code counted}. */
  private Value.Record decoded(StatementNode statement, ValueCodec codec, io.r2dbc.spi.Row row,
      RowMetadata metadata, List<Type> types, boolean counted) {
    try {
      return counted ? codec.decodeColumns(row, metadata, types)
          : codec.decodeRow(row, metadata, types);
    } catch (UnreadableColumnException e) {
      throw parts.errors().unreadable(statement, e);
    }
  }

  /** An upsert written as MERGE, whose insert path may lose a race for a new key. */
  private boolean isMerge(StatementNode statement) {
    return statement instanceof InsertNode i && i.onConflict() != null
        && parts.dialect().upsertSyntax() == SqlDialect.UpsertSyntax.MERGE;
  }

  private boolean needsDeltaTableGuard(StatementNode statement) {
    return (statement instanceof UpdateNode || statement instanceof DeleteNode)
        && parts.dialect().mutationReturning() == MutationReturning.DATA_CHANGE_DELTA_TABLE
        || isMerge(statement);
  }

  private Statement prepare(RenderedSql sql, List<Value> args) {
    Statement prepared = connection.createStatement(sql.sql());
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

  @Override
  public Mono<ExecResponse> transaction(Operation.Transaction t) {
    return lane.write(inTurn(Mono.defer(() -> switch (t.kind()) {
      case BEGIN -> {
        begun = true;
        yield begin(t);
      }
      case COMMIT -> end("COMMIT", connection::commitTransaction);
      case ROLLBACK -> rollback();
      case SAVEPOINT -> Mono.from(connection.createSavepoint(SqlOperations.savepoint(t)));
      case RELEASE_SAVEPOINT ->
          Mono.from(connection.releaseSavepoint(SqlOperations.savepoint(t)));
      case ROLLBACK_TO_SAVEPOINT ->
          Mono.from(connection.rollbackTransactionToSavepoint(SqlOperations.savepoint(t)));
    }))
        .then(Mono.<ExecResponse>just(NONE))
        .onErrorMap(e -> translated(e, null, false)));
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

  /**
   * Sets the session's statement timeout back to what it was when lent, in its turn: an adopted
   * connection, which its owner keeps, must not keep a limit of one of our statements.
   */
  Mono<Void> restoreTimeout() {
    return lane.write(timeout.restore());
  }

  /** {@code work}, unless the connection was sealed before its turn came. */
  private <T> Mono<T> inTurn(Mono<T> work) {
    return Mono.defer(() -> sealed ? Mono.error(sealedError()) : work);
  }

  /** What an operation whose turn came after the connection was sealed fails with. */
  private DriverException sealedError() {
    return new DriverException(parts.dialect().backend(), null,
        "the transaction this connection was lent to has ended", null);
  }

  /** The dialect this connection's statements are written in. */
  @Override
  public SqlDialect dialect() {
    return parts.dialect();
  }

  /**
   * Runs DDL statements as {@link #executeDdl(List)} does; a statement's error is first given to
   * {@code failure} with the statement (schema push names the constraint it was adding), and
   * what it answers is translated unless it is already a Toasty exception.
   */
  @Override
  public Mono<Void> executeDdl(List<String> statements,
      BiFunction<String, Throwable, Throwable> failure) {
    Mono<Void> each = Flux.defer(() -> Flux.fromIterable(statements))
        .concatMap(sql -> Flux.defer(() -> connection.createStatement(sql).execute())
            .concatMap(Result::getRowsUpdated)
            .onErrorMap(e -> failure.apply(sql, e)))
        .then();
    Mono<Void> run = !parts.dialect().transactionalDdl() ? each
        : Mono.usingWhen(Mono.from(connection.beginTransaction()).thenReturn(connection),
            c -> each, c -> c.commitTransaction(), (c, e) -> c.rollbackTransaction(),
            c -> c.rollbackTransaction());
    return lane.write(run.onErrorMap(e -> translated(e, null, false)));
  }

  /**
   * The rows of a catalog query as texts ({@code null} for SQL NULL): what schema push reads of
   * the tables that exist.
   */
  @Override
  public Mono<List<List<String>>> catalogRows(String sql) {
    return lane.write(Flux.defer(() -> connection.createStatement(sql).execute())
        .concatMap(r -> r.map((row, meta) -> {
          List<String> texts = new ArrayList<>();
          for (int i = 0; i < meta.getColumnMetadatas().size(); i++) {
            Object v = row.get(i);
            texts.add(v == null ? null : String.valueOf(v));
          }
          return texts;
        }))
        .collectList()
        .onErrorMap(e -> translated(e, null, false)));
  }

  /**
   * {@code error}, or where it is a foreign key violation whose database did not say which key
   * was missing (SQLite), the same naming it: each key the statement wrote is counted on this
   * connection, in its turn, until one counts none (only when the write already failed).
   */
  private Mono<Throwable> namingTheKey(Throwable error, StatementNode statement, List<Value> args) {
    List<Query> probes = parts.errors().missingKeyProbes(error, statement, args);
    if (probes.isEmpty()) {
      return Mono.just(error);
    }
    return Flux.range(0, probes.size())
        .concatMap(i -> lane.write(Mono.defer(() -> Flux.from(prepare(parts.renderer()
                .render(probes.get(i)), List.of()).execute())
            .concatMap(r -> r.map((row, meta) -> ((Number) row.get(0)).longValue()))
            .next()))
            .filter(n -> n == 0).map(n -> i))
        .next()
        .map(i -> parts.errors().missingKey(error, statement, args, i))
        .defaultIfEmpty(error)
        .onErrorReturn(error);
  }

  private Throwable translated(Throwable error, @Nullable String table, boolean delete) {
    return translated(error, table, delete, List.of(), null, List.of());
  }

  /**
   * {@code error} of {@code statement} (run with {@code args}; null when not one) as Toasty's
   * exception; a lost connection is remembered for {@link #close}.
   */
  private Throwable translated(Throwable error, @Nullable String table, boolean delete,
      List<Integer> computed, @Nullable StatementNode statement, List<Value> args) {
    if (timeout.limited() && error instanceof R2dbcException e
        && parts.dialect().endsTimedWait(e.getSqlState())) {
      return new QueryTimeoutException(parts.dialect().backend(), e.getSqlState(),
          "the statement waited for a lock past its statement timeout, and the database "
          + "stopped it", e);
    }
    Throwable t = parts.errors().translate(error, table, delete, computed, statement, args);
    if (t instanceof ConnectionLostException) {
      lost = true;
    }
    return t;
  }

  /**
   * This pooled connection, first taken out of a transaction it was lent inside (its session is
   * not in autocommit): rolled back before any operation of ours runs. Someone else left it
   * there: a cancel that reaches r2dbc-pool just after it handed the connection to a transaction
   * manager puts it back while the manager goes on to send BEGIN on it, and a ROLLBACK is
   * skipped by r2dbc-postgresql and r2dbc-mysql when the answer to a cancelled BEGIN has not
   * been read yet (see {@link #rollback()}). Our statements would
   * otherwise run inside that transaction: never committed, and on PostgreSQL, after one fails,
   * every later one refused with "current transaction is aborted" for as long as the pool keeps
   * the connection. Costs nothing on a clean connection: the drivers answer
   * {@code isAutoCommit()} from the session state they track.
   */
  R2dbcConnection outsideTransaction() {
    if (!connection.isAutoCommit()) {
      lane.write(leaveTransaction()).subscribe(null, e -> { });
    }
    return this;
  }

  /** Rolls back the session's transaction, and puts it back in autocommit. */
  private Mono<Void> leaveTransaction() {
    return Mono.defer(() -> Mono.from(connection.rollbackTransaction()))
        .then(Mono.defer(() -> connection.isAutoCommit() ? Mono.<Void>empty()
            : Mono.from(connection.setAutoCommit(true))))
        .doOnError(e -> lost = true) // a session we cannot clean is not lent again
        .onErrorResume(e -> Mono.empty());
  }

  /**
   * Returns the connection to the pool; a transaction still open (the caller did not end it, or
   * the session is in one we did not begin: see {@link #outsideTransaction()}) is rolled back
   * first, as {@link #rollback()} does, so that no borrower inherits it. A connection
   * that failed with {@link ConnectionLostException} is closed for real first: the pool's
   * validation then discards it instead of handing it to the next borrower (some drivers, such
   * as r2dbc-postgresql after {@code pg_terminate_backend}, still call such a socket valid).
   *
   * <p>The release waits its turn, after the work of every operation started before, also
   * cancelled ones. A turn that has not come within {@link #RELEASE_GRACE} is given up and the
   * connection closed for real: a cancelled read is drained to its end over the wire, and
   * r2dbc-mysql sometimes never ends a stream whose server session was killed (about once in
   * 200 kills), which would keep the connection out of the pool for good. Closing the session
   * instead also ends any transaction on it, on the server, so nothing half-done is committed.
   * An embedded session ({@link LocallyValidated}) has no grace: it cannot stop answering, and
   * closing it under a running statement breaks that statement (H2's "General error").
   */
  @Override
  public Mono<Void> close() {
    return Mono.defer(() -> {
      if (!CLOSED.compareAndSet(this, 0, 1)) {
        return Mono.empty();
      }
      if (lane.passIfIdle(this::settled)) {
        // Every operation before is over and nothing is left to settle: the release's turn is
        // now, with no wait to bound (no timer), which is every plan's usual close. Nothing
        // can lose the connection from here (settled() saw it kept, and no operation is left to
        // fail): the release's error is the close's, with no onErrorResume layer to pass.
        return release();
      }
      Mono<Void> turn = lane.write(Mono.defer(this::settle));
      // An embedded session (H2 in this JVM) cannot stop answering: its statement ends, if only
      // at H2's own lock timeout. Closing it while that statement still runs (the grace below)
      // would fail whatever runs on the session with H2's "General error" (its session close is
      // not under the session's lock), so the release waits for its turn, however long.
      if (!LocallyValidated.embedded(connection)) {
        turn = turn.timeout(releaseGrace, Mono.fromRunnable(this::giveUp));
      }
      return turn
          .onErrorResume(e -> Mono.empty())
          .then(Mono.defer(() -> lost ? closePhysical() : Mono.<Void>empty()))
          .then(Mono.defer(this::release))
          .onErrorResume(e -> lost ? Mono.empty() : Mono.error(e));
    });
  }

  /** The release's turn did not come within the grace: the session stopped answering. */
  private void giveUp() {
    wedged = true;
    lost = true;
    LOG.warn("a {} connection's release waited {} ms for the operations before it; the session "
        + "is closed and dropped from the pool", parts.dialect().backend(),
        releaseGrace.toMillis());
  }

  /** Whether {@link #settle()} has nothing to do: a healthy session in autocommit, as lent. */
  private boolean settled() {
    return !lost && !begun && connection.isAutoCommit() && timeout.asLent();
  }

  /**
   * In the release's turn: rolls back a transaction still open (ours, or one the session was
   * lent inside: see {@link #outsideTransaction()}) and restores the session's statement
   * timeout; nothing on a connection already lost.
   */
  private Mono<Void> settle() {
    if (lost) {
      return Mono.empty();
    }
    return Mono.defer(() -> begun ? rollback()
            : connection.isAutoCommit() ? Mono.<Void>empty() : leaveTransaction())
        .onErrorResume(e -> Mono.empty())
        .then(timeout.restore().onErrorResume(e -> {
          lost = true; // a session left with another statement timeout is not lent again
          return Mono.empty();
        }));
  }

  /**
   * Closes the physical connection under the pool's wrapper, so that the pool discards it when
   * the wrapper is released (r2dbc-pool validates a connection given back, locally, and drops
   * one whose socket is closed). A session that stopped answering is not waited for: one of
   * {@link Abandonable} (Toasty's pools, the starters' pools) is abandoned, and the pool drops it
   * on release; another's close (an application's pool) is started in the background, bounded,
   * as its close may queue behind the request that never ends.
   */
  private Mono<Void> closePhysical() {
    if (!(connection instanceof Wrapped<?> w
        && w.unwrap() instanceof io.r2dbc.spi.Connection inner)) {
      return Mono.empty();
    }
    Abandonable.abandon(inner);
    Mono<Void> close = Mono.defer(() -> Mono.from(inner.close())).timeout(releaseGrace)
        .onErrorResume(e -> Mono.empty());
    if (!wedged) {
      return close;
    }
    if (!Abandonable.isSession(inner)) {
      close.subscribe(null, e -> { });
    }
    return Mono.empty();
  }

  /**
   * Gives the pool's wrapper back. For a wedged session of a pool that cannot abandon it, the
   * pool's own release may wait behind the stuck request as well (its ROLLBACK): bounded, and
   * logged, so that the borrower is not held; the pool may then keep that slot.
   */
  private Mono<Void> release() {
    // Called only where the release is subscribed at once (inside close()'s defer, or as the
    // supplier of one): no defer of its own around the pool's close; a close that throws is
    // still the release's error, for close()'s onErrorResume.
    Mono<Void> release;
    try {
      release = Mono.from(connection.close());
    } catch (RuntimeException e) {
      release = Mono.error(e);
    }
    if (!wedged || connection instanceof Wrapped<?> w
        && Abandonable.isSession(w.unwrap())) {
      return release;
    }
    return release.timeout(releaseGrace, Mono.fromRunnable(() -> LOG.warn("a connection whose "
        + "session stopped answering was not taken back by its pool within {} ms; the pool may "
        + "keep its slot (wrap the pool's ConnectionFactory with "
        + "R2dbcDrivers.abandonable(..) so that it can drop such a session)",
        releaseGrace.toMillis())));
  }
}
