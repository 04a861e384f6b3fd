package io.toasty.vertx;

import io.toasty.driver.Connection;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.error.ConnectionLostException;
import io.toasty.error.QueryTimeoutException;
import io.toasty.error.UniqueViolationException;
import io.toasty.sql.codec.ValueConversion;
import io.toasty.sql.dialect.MySqlDialect;
import io.toasty.sql.dialect.SqlDialect;
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
import io.toasty.stmt.Query;
import io.toasty.stmt.Source;
import io.toasty.stmt.StatementNode;
import io.toasty.value.Type;
import io.toasty.value.RowReader;
import io.toasty.value.Value;
import io.vertx.core.Future;
import io.vertx.mysqlclient.MySQLClient;
import io.vertx.sqlclient.DatabaseException;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * One pooled Vert.x connection. Runs {@code QuerySql}, {@code Insert}, {@code RawSql},
 * {@code PathQuery} and {@code Transaction} operations one after another through the shared
 * {@link OperationLane}: a write whose subscriber cancels still runs to its end before the next
 * operation starts, and an operation not yet sent is never sent. A query's rows stream from a
 * cursor with the subscriber's demand ({@link CursorRows}), unless they are few enough to come
 * in one answer ({@link BoundedRead}).
 */
final class VertxConnection implements Connection, DdlSession, SqlOperations {
  private static final ExecResponse.Count NONE = new ExecResponse.Count(0);
  private static final String UPSERT_SAVEPOINT = "toasty_upsert";
  /** How long a lost connection's give-back waits for Vert.x to see its socket close. */
  private static final Duration LOST_CLOSE_WAIT = Duration.ofSeconds(1);
  private static final AtomicIntegerFieldUpdater<VertxConnection> CLOSED =
      AtomicIntegerFieldUpdater.newUpdater(VertxConnection.class, "closed");

  private final SqlConnection connection;
  private final VertxParts parts;
  private final int fetchSize;
  /** Tells the driver the connection went back to the pool (its gauges). */
  private final Runnable released;
  private final OperationLane lane = new OperationLane();
  /** MariaDB's and MySQL's cursors: only a query opens one (see {@link #rows}). */
  private final boolean mysqlCursors;
  private volatile int closed;
  /** A BEGIN was sent (or may have been) and no COMMIT or ROLLBACK has ended it since. */
  private volatile boolean begun;
  /** An operation failed with a connection-level error: the pool must not lend it again. */
  private volatile boolean lost;
  /** The session's statement timeout, set per statement from its Context. */
  private final SessionTimeout timeout;
  /** Completes when Vert.x has seen the socket close (and has taken it out of its pool). */
  private final Sinks.Empty<Void> socketClosed = Sinks.empty();
  /** {@link #socketClosed} has completed. */
  private volatile boolean socketGone;
  /**
   * The COMMIT of the last streamed read's own transaction, sent without waiting for its answer
   * ({@link #committed}), or null: the release waits for it ({@link #settle}).
   */
  private volatile @Nullable Future<?> readCommit;

  /**
   * A lent connection whose cursors read {@code fetchSize} rows at a time; {@code released} runs
   * once it is back in the pool. Its session has statement timeout {@code lent} (null: none) when
   * lent, and its statements get that one unless their Context says otherwise.
   */
  VertxConnection(SqlConnection connection, VertxParts parts, int fetchSize,
      @Nullable Duration lent, Runnable released) {
    this.connection = connection;
    this.parts = parts;
    this.fetchSize = fetchSize;
    this.released = released;
    this.mysqlCursors = parts.dialect() instanceof MySqlDialect;
    connection.closeHandler(v -> {
      socketGone = true;
      socketClosed.tryEmitEmpty();
    });
    this.timeout = new SessionTimeout(parts.dialect(), lent, lent, limit -> Flux.fromIterable(
        parts.dialect().statementTimeoutSql(limit)).concatMap(this::run).then());
  }

  @Override
  public Mono<ExecResponse> exec(Operation operation) {
    return SqlOperations.run(operation, this, timeout, parts.dialect().backend());
  }

  @Override
  public boolean isClosed() {
    return closed != 0;
  }

  /**
   * A query's rows built by {@code reader} straight from Vert.x's rows ({@link VertxColumns}),
   * without a {@code Value} per cell, read as {@link #statement} reads a query: one execution
   * for a bounded read, else a cursor; inside the engine's transaction from the cursor.
   */
  @Override
  public <T> Flux<T> read(Operation.QuerySql query, int[] fields, RowReader<T> reader) {
    if (!(query.statement() instanceof Query q) || closed != 0) {
      return Connection.super.read(query, fields, reader);
    }
    return direct(q, query, fields, reader, true,
        one -> rows(one.text(), one.tuple(), one.streamed(), true, one.first(), one.mapper()));
  }

  /**
   * {@link #read}'s records in one list, built from the rows of one execution without a signal
   * per row: its records are all held at the end anyway, so a cursor's pages would only add
   * round trips (a BEGIN, a portal, a fetch per page, a COMMIT) and a first page's try. The
   * answer's rows are held with the list while it is built, as the raw client holds them
   * (docs/design/performance.md, "Collected reads").
   */
  @Override
  public <T> Mono<List<T>> readAll(Operation.QuerySql query, int[] fields,
      RowReader<T> reader) {
    if (!(query.statement() instanceof Query q) || closed != 0) {
      return Connection.super.readAll(query, fields, reader);
    }
    return direct(q, query, fields, reader, false,
        one -> StalePlan.retried(Flux.defer(() -> listOnce(one)), () -> !begun)).single();
  }

  /**
   * A direct read of {@code q} (of {@code query}): {@code run} given the statement as sent, its
   * errors translated ({@link #readErrors}) and its answer read to its end in the connection's
   * turn, even when cancelled. Only a read that {@code mayStream} asks whether it is bounded
   * and gets a first page to try; a collected read runs once as it is.
   */
  private <T, R> Flux<R> direct(Query q, Operation.QuerySql query, int[] fields,
      RowReader<T> reader, boolean mayStream, Function<OneRead<T>, Flux<R>> run) {
    Function<Throwable, Throwable> translate = readErrors(q, query.args());
    Flux<R> out;
    try {
      DirectSql<T> direct = directSql(q, query, fields, reader);
      Tuple tuple = parts.codec().tuple(direct.sql(), query.args());
      boolean streamed = mayStream && !BoundedRead.of(q, parts.keys(), fetchSize);
      Supplier<FirstTry> first = !streamed ? null
          : () -> firstPage(q, direct.sql().sql(), direct.types(), query.args());
      OneRead<T> one = new OneRead<>(direct.text(), tuple, streamed, first, direct.mapper());
      out = Flux.defer(() -> run.apply(one));
    } catch (RuntimeException e) {
      return Flux.error(translate.apply(e));
    }
    return lane.writeRows(out, translate);
  }

  /**
   * One direct read as sent: its SQL text and values, whether its rows may be many
   * ({@link BoundedRead}), its first page to try where they may, and its row mapping.
   */
  private record OneRead<T>(String text, Tuple tuple, boolean streamed,
      @Nullable Supplier<FirstTry> first, Function<Row, T> mapper) {}

  /** {@link #readAll}, one try: one execution's rows as one list. */
  private <T> Flux<List<T>> listOnce(OneRead<T> one) {
    return Futures.mono(() -> connection.preparedQuery(one.text()).execute(one.tuple()))
        .map(rows -> listed(rows, one.mapper())).flux();
  }

  /** {@code rows} made by {@code mapper}, in order, in one list. */
  private static <T> List<T> listed(RowSet<Row> rows, Function<Row, T> mapper) {
    List<T> list = new ArrayList<>(rows.size());
    for (Row row : rows) {
      list.add(mapper.apply(row));
    }
    return list;
  }

  /**
   * Reads of one plan sent together ({@link Connection#readEach}): one execution of the
   * prepared statement per read, written at once and ended by one Sync
   * ({@code executeBatch}), so that they cost one round trip where one at a time they cost as
   * many as there are reads; each read's rows are one result of the answer's chain, held whole,
   * as the engine asks only for reads whose callers hold their rows whole (gets by key, collected
   * reads). Reads that run in the engine's transaction take the default, one after the other.
   */
  @Override
  public <T> Flux<List<T>> readEach(List<Operation.QuerySql> queries, int[] fields,
      RowReader<T> reader) {
    Operation.QuerySql first = queries.isEmpty() ? null : queries.get(0);
    if (first == null || queries.size() < 2 || begun || closed != 0
        || !(first.statement() instanceof Query q)
        || !queries.stream().allMatch(each -> each.statement() == q)) {
      return Connection.super.readEach(queries, fields, reader);
    }
    Function<Throwable, Throwable> translate = readErrors(q, first.args());
    Flux<List<T>> lists;
    try {
      DirectSql<T> direct = directSql(q, first, fields, reader);
      List<Tuple> tuples = new ArrayList<>(queries.size());
      for (Operation.QuerySql each : queries) {
        tuples.add(parts.codec().tuple(direct.sql(), each.args()));
      }
      lists = StalePlan.retried(Flux.defer(() -> Futures.mono(
              () -> connection.preparedQuery(direct.text()).executeBatch(tuples))
          .flatMapIterable(answer -> PipelinedAnswers.lists(answer, tuples.size(),
              direct.mapper()))), () -> !begun);
    } catch (RuntimeException e) {
      return Flux.error(translate.apply(e));
    }
    return lane.writeRows(lists, translate);
  }

  /**
   * The errors of a direct read of {@code query} with {@code args}, translated as the driver's
   * are; the reader's own failure is the engine's, as model.load's is on the value path:
   * untouched.
   */
  private Function<Throwable, Throwable> readErrors(Query query, List<Value> args) {
    String table = query.source() instanceof Source.Table t ? t.table() : null;
    return e -> e instanceof RowReaderFailure ? e.getCause()
        : translated(e, table, false, List.of(), query, args);
  }

  /**
   * {@code q} (of {@code query}) as sent for a direct read: its rendering, its columns' types,
   * the SQL text (its {@code jsonb} columns read as text where it has any: {@link JsonAsText})
   * and each row built by {@code reader} over {@code fields}.
   */
  private <T> DirectSql<T> directSql(Query q, Operation.QuerySql query, int[] fields,
      RowReader<T> reader) {
    RenderedSql sql = parts.renderer().render(q);
    List<Type> types = query.rowType().isEmpty() ? sql.returnTypes() : query.rowType();
    String text = JsonAsText.wrap(sql.sql(), types, parts.codec()::jsonb);
    boolean jsonText = text != sql.sql(); // wrapped: its jsonb columns come as their text
    VertxColumns columns = new VertxColumns(fields, types, parts.codec(), jsonText);
    return new DirectSql<>(sql, types, text,
        row -> typed(q, columns.at(row), reader, row, types, jsonText));
  }

  /** A direct read's rendering, column types, SQL text and row mapping ({@link #directSql}). */
  private record DirectSql<T>(RenderedSql sql, List<Type> types, String text,
      Function<Row, T> mapper) {}

  /**
   * One row read by {@code reader}; a row it cannot read fails as on the value path: with the
   * column's decoding error where a column is unreadable (it names the model, field and key),
   * else with the reader's own.
   */
  private <T> T typed(StatementNode statement, VertxColumns columns, RowReader<T> reader,
      Row row, List<Type> types, boolean jsonText) {
    try {
      return reader.read(columns);
    } catch (RuntimeException e) {
      decoded(statement, row, types, jsonText);
      throw new RowReaderFailure(e);
    }
  }

  /** Carries a row reader's failure past the translation of the driver's errors. */
  private static final class RowReaderFailure extends RuntimeException {
    RowReaderFailure(RuntimeException cause) {
      super(cause.getMessage(), cause, false, false);
    }
  }

  /**
   * One rendered statement, in its turn after {@code limit} has set the session's timeout: a
   * count, or its rows (read to their end even when cancelled).
   */
  @Override
  public Mono<ExecResponse> statement(StatementNode statement, List<Value> args,
      List<Type> rowType, Mono<Void> limit) {
    String table = statement.source() instanceof Source.Table t ? t.table() : null;
    boolean delete = statement instanceof DeleteNode;
    List<Integer> computed = SqlOperations.computedColumns(statement);
    Function<Throwable, Throwable> translate = e -> translated(e, table, delete, computed,
        statement, args);
    return Mono.defer(() -> {
      RenderedSql sql = parts.renderer().render(statement);
      Tuple tuple = parts.codec().tuple(sql, args);
      if (!sql.returnsRows()) {
        return lane.write(limit.then(update(sql.sql(), tuple)).onErrorMap(translate))
            .<ExecResponse>map(ExecResponse.Count::new);
      }
      List<Type> types = rowType.isEmpty() ? sql.returnTypes() : rowType;
      InsertEcho echo = sql.echo();
      String text = JsonAsText.wrap(sql.sql(), echo == null ? types : echo.returnedTypes(),
          parts.codec()::jsonb);
      boolean jsonText = text != sql.sql(); // wrapped: its jsonb columns come as their text
      // a bounded read outside a transaction needs no cursor: one execution, one round trip
      boolean query = statement instanceof Query;
      boolean streamed = statement instanceof Query q
          && !BoundedRead.of(q, parts.keys(), fetchSize);
      Supplier<FirstTry> first = !streamed || echo != null
          ? null : () -> firstPage((Query) statement, sql.sql(), types, args);
      Flux<Value.Record> once = limit.thenMany(Flux.defer(() -> {
        if (!sql.generatedColumns().isEmpty()) {
          return generated(sql, tuple, echo == null ? types : echo.returnedTypes())
              .map(key -> echo == null ? key
                  : echo.row(0, key, sql, args, parts.codec()::asReturned));
        }
        if (echo == null) {
          return rows(text, tuple, streamed, query, first,
              row -> decoded(statement, row, types, jsonText));
        }
        int[] next = {0}; // the VALUES row the next returned row belongs to (rows come in order)
        return rows(text, tuple, streamed, query, null, row -> echo.row(next[0]++,
            decoded(statement, row, echo.returnedTypes(), jsonText), sql, args,
            parts.codec()::asReturned));
      }));
      Flux<Value.Record> rows = !SqlOperations.mayLoseRace(statement, parts.dialect()) ? once
          : UpsertRetry.retried(() -> begun ? underSavepoint(once) : once,
              e -> translate.apply(e) instanceof UniqueViolationException);
      // A cancelled read is read to its end too (dialect.drainsCancelledReads), a batch at a
      // time, so that its own transaction has ended before the next operation starts: the lane
      // does not wait for what a cancel sends (its ROLLBACK).
      return Mono.<ExecResponse>just(new ExecResponse.Rows(lane.writeRows(rows, translate)));
    }).onErrorMap(translate);
  }

  /**
   * The row of an insert whose key the server generates, where the dialect has no RETURNING
   * (MySQL: {@code InsertReturning.GENERATED_VALUES}, one row per statement): the key the server
   * reports for the statement ({@link MySQLClient#LAST_INSERTED_ID}), as the one returned column
   * of {@code types}; no row when none was inserted.
   */
  private Flux<Value.Record> generated(RenderedSql sql, Tuple args, List<Type> types) {
    if (types.size() != 1 || sql.generatedColumns().size() != 1) {
      return Flux.error(new IllegalStateException("one generated column expected, got "
          + sql.generatedColumns() + " of types " + types));
    }
    return Futures.mono(() -> connection.preparedQuery(sql.sql()).execute(args))
        .flatMapMany(result -> {
          Long key = result.property(MySQLClient.LAST_INSERTED_ID);
          return result.rowCount() == 0 || key == null ? Flux.empty()
              : Flux.just(ValueConversion.record(1, i -> parts.codec().decode(key, types.get(0)),
                  i -> sql.generatedColumns().get(0)));
        });
  }

  /** A path query: one recursive CTE, its rows read as a query's are. */
  @Override
  public Mono<ExecResponse> path(Operation.PathQuery p, Mono<Void> limit) {
    Function<Throwable, Throwable> translate = e -> translated(e, null, false, List.of(), null,
        List.of());
    return Mono.defer(() -> {
      RenderedSql sql = parts.renderer().render(p.statement());
      Tuple tuple = parts.codec().tuple(sql, p.args());
      String text = JsonAsText.wrap(sql.sql(), p.rowType(), parts.codec()::jsonb);
      boolean jsonText = text != sql.sql();
      Flux<Value.Record> rows = limit.thenMany(Flux.defer(() -> rows(text, tuple, true, true, null,
          row -> parts.codec().decodeRow(row, p.rowType(), jsonText))));
      return Mono.<ExecResponse>just(new ExecResponse.Rows(lane.writeRows(rows, translate)));
    }).onErrorMap(translate);
  }

  /**
   * A raw statement: its text with this dialect's markers, its values bound in order. Rows are
   * read to their end even when the subscriber cancels, as a write's are: the text may write.
   */
  @Override
  public Mono<ExecResponse> raw(Operation.RawSql r, Mono<Void> limit) {
    Function<Throwable, Throwable> translate = e -> translated(e, null, false, List.of(), null,
        List.of());
    return Mono.defer(() -> {
      String sql = RawStatementText.render(r.text(), parts.dialect());
      Tuple tuple = parts.codec().tuple(r.args());
      if (!r.returnsRows()) {
        return lane.write(limit.then(update(sql, tuple)).onErrorMap(translate))
            .<ExecResponse>map(ExecResponse.Count::new);
      }
      Flux<Value.Record> rows = limit.thenMany(Flux.defer(() -> rows(sql, tuple, false, false, null,
          row -> labelled(row, r.rowType()))));
      return Mono.<ExecResponse>just(new ExecResponse.Rows(lane.writeRows(rows, translate)));
    }).onErrorMap(translate);
  }

  /** A raw row as {@code (labels, values)}, each column read as its type in {@code rowType}. */
  private Value.Record labelled(Row row, List<Type> rowType) {
    Value[] labels = new Value[row.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = new Value.Str(row.getColumnName(i));
    }
    List<Type> types = rowType.isEmpty()
        ? Collections.nCopies(labels.length, Type.Scalar.NULL) : rowType;
    return Value.Record.of(Value.Record.adopt(labels), parts.codec().decodeRow(row, types));
  }

  /** One row decoded; a value its field cannot hold names the model, field and key. */
  private Value.Record decoded(StatementNode statement, Row row, List<Type> types,
      boolean jsonText) {
    try {
      return parts.codec().decodeRow(row, types, jsonText);
    } catch (UnreadableColumnException e) {
      throw parts.errors().unreadable(statement, e);
    }
  }

  /**
   * Runs {@code sql} with {@code args} (once more when its cached plan went stale,
   * {@link StalePlan}): the rows it changed.
   */
  private Mono<Long> update(String sql, Tuple args) {
    return StalePlan.retried(Futures.mono(() -> connection.preparedQuery(sql).execute(args))
        .map(result -> (long) result.rowCount()).flux(), () -> !begun).single();
  }

  /**
   * The rows of one execution of {@code sql}. Inside the engine's transaction they are read from
   * a cursor as the subscriber asks for them. Outside one, a write's (and a raw statement's, which
   * may write) come in one answer: it commits as it runs, as in autocommit over R2DBC, so that
   * another connection sees it as soon as its rows arrive, and so do those of a read whose rows
   * are few ({@link BoundedRead}: a get by key is one round trip). A {@code streamed} read's
   * come from a cursor in a transaction of its own (PostgreSQL keeps a cursor only within one),
   * committed once its rows are read, rolled back when it fails or its subscriber cancels; its
   * BEGIN goes out without waiting for the answer, in one round trip with the statement (Vert.x
   * pipelines a connection's commands), and a BEGIN that failed fails the rows. A statement
   * refused for a stale cached plan runs once more outside a transaction ({@link StalePlan}).
   *
   * <p>On MariaDB and MySQL only a {@code query} (a SELECT) is read from a cursor: the server
   * opens none for {@code INSERT} or {@code DELETE ... RETURNING}, whose rows come in one answer
   * (fetching from it fails with error 1421, "has no open cursor"); a raw statement, which may
   * be either, comes in one answer too. A streamed read has its transaction there too, though
   * the server would keep the cursor without one: its session then shows as in a transaction
   * ({@code information_schema.innodb_trx}) while its cursor is open, as on PostgreSQL, rather
   * than as idle as a session in the pool.
   */
  private <T> Flux<T> rows(String sql, Tuple args, boolean streamed, boolean query,
      @Nullable Supplier<FirstTry> first, Function<Row, T> mapper) {
    boolean cursor = query || !mysqlCursors;
    return StalePlan.retried(Flux.defer(() -> rowsOnce(sql, args, streamed, cursor, first,
        mapper)), () -> !begun);
  }

  /**
   * {@link #rows}, one try; a {@code cursor} may be used. A streamed read outside a transaction
   * tries its {@code first} page ({@link FirstPages}, made only here) and reads from a cursor
   * only when it overflows.
   */
  private <T> Flux<T> rowsOnce(String sql, Tuple args, boolean streamed, boolean cursor,
      @Nullable Supplier<FirstTry> firstPage, Function<Row, T> mapper) {
    if (begun && cursor) {
      return cursor(sql, args).map(mapper);
    }
    if (!streamed || !cursor) {
      return plain(sql, args).map(mapper);
    }
    return paged(sql, args, firstPage, mapper);
  }

  /**
   * A streamed read outside a transaction: the rows of its {@code first} page ({@link
   * FirstPages}, made only here) where it held them all, else the rows from a cursor.
   */
  private <T> Flux<T> paged(String sql, Tuple args, @Nullable Supplier<FirstTry> firstPage,
      Function<Row, T> mapper) {
    FirstTry first = firstPage == null ? null : firstPage.get();
    String pageSql = first == null ? null : first.sql();
    Tuple pageArgs = first == null ? null : first.args();
    if (first == null || pageSql == null || pageArgs == null) {
      // no first page: the cursor, in pages of the size the first pages give
      return streamed(sql, args, first == null ? fetchSize : first.rows(), mapper);
    }
    return Futures.mono(() -> connection.preparedQuery(pageSql).execute(pageArgs))
        .flatMapMany(page -> {
          if (page.size() <= first.rows()) {
            return Flux.fromIterable(page).map(mapper);
          }
          parts.firstPages().overflow(first.of(), first.rows());
          return streamed(sql, args, Math.max(fetchSize, first.rows()), mapper);
        });
  }

  /**
   * The first page of {@code query} (of SQL {@code text}) as one execution ({@link FirstPages}),
   * its columns of {@code types} and its values {@code args}; without a text where it has none.
   */
  private FirstTry firstPage(Query query, String text, List<Type> types,
      List<Value> args) {
    FirstPages.Page page = parts.firstPages().of(query, text);
    RenderedSql sql = page.sql();
    if (sql == null) {
      return new FirstTry(null, null, page.rows(), text);
    }
    return new FirstTry(JsonAsText.wrap(sql.sql(), types, parts.codec()::jsonb),
        parts.codec().tuple(sql, args), page.rows(), text);
  }

  /**
   * A first page to try: its SQL text, its values, the most rows it holds, and the SQL of the
   * query it is of; without a text, none to try, and the rows the cursor reads at a time.
   */
  private record FirstTry(@Nullable String sql, @Nullable Tuple args, int rows, String of) {}

  /** A streamed read's rows from a cursor, in a transaction of its own (see {@link #rows}). */
  private <T> Flux<T> streamed(String sql, Tuple args, int fetch, Function<Row, T> mapper) {
    return Flux.usingWhen(Mono.fromSupplier(() -> connection.query("BEGIN").execute()),
        begin -> cursor(sql, args, fetch).map(mapper),
        begin -> committed(),
        (begin, e) -> run("ROLLBACK").onErrorResume(x -> Mono.empty()),
        begin -> run("ROLLBACK").onErrorResume(x -> Mono.empty()));
  }

  /**
   * Ends a read's own transaction once its rows are read: the COMMIT is sent now, and the rows'
   * end is told without waiting for its answer, as the raw client's one execution ends at its
   * rows (docs/design/performance.md, "The Vert.x transport"). Vert.x runs a connection's
   * commands in order, so whatever this connection sends next, in this lease or the next one's,
   * runs after the COMMIT. A transaction that only read has nothing to lose at its COMMIT, but
   * one whose COMMIT failed (a statement timeout, a killed query) would still be open: the
   * release waits for the answer and rolls such a transaction back before the connection goes
   * back to the pool ({@link #settle}).
   */
  private Mono<Void> committed() {
    // sent here, before the rows' end is told: nothing this connection runs next can go first
    // (the BEGIN has its answer: the cursor's rows came after it)
    readCommit = connection.query("COMMIT").execute();
    return Mono.empty();
  }

  /** The rows of {@code sql} run with {@code args}, in one answer. */
  private Flux<Row> plain(String sql, Tuple args) {
    return Futures.mono(() -> connection.preparedQuery(sql).execute(args))
        .flatMapIterable(result -> result);
  }

  /**
   * The rows of {@code sql} run with {@code args}, from a cursor; on MariaDB and MySQL a query
   * whose cursor never opened runs once more without one ({@link UnopenedCursor}).
   */
  private Flux<Row> cursor(String sql, Tuple args) {
    return cursor(sql, args, fetchSize);
  }

  /** {@link #cursor(String, Tuple)} reading {@code fetch} rows at a time. */
  private Flux<Row> cursor(String sql, Tuple args, int fetch) {
    Flux<Row> rows = CursorRows.of(connection, sql, args, fetch);
    return mysqlCursors ? UnopenedCursor.retried(rows, () -> plain(sql, args)) : rows;
  }

  /**
   * {@code rows} under a savepoint, rolled back to when they fail: a failed upsert inside a
   * transaction then leaves it usable, for {@link UpsertRetry} to run it again. The rows (one
   * per record sent) are handed on once the savepoint is released.
   */
  private Flux<Value.Record> underSavepoint(Flux<Value.Record> rows) {
    return Flux.usingWhen(run("SAVEPOINT " + UPSERT_SAVEPOINT).thenReturn(Boolean.TRUE),
        open -> rows.collectList(),
        open -> run("RELEASE SAVEPOINT " + UPSERT_SAVEPOINT),
        (open, e) -> run("ROLLBACK TO SAVEPOINT " + UPSERT_SAVEPOINT),
        open -> run("ROLLBACK TO SAVEPOINT " + UPSERT_SAVEPOINT))
        .flatMapIterable(list -> list);
  }

  /** Runs one SQL statement of no parameters and no result, in the simple protocol. */
  private Mono<Void> run(String sql) {
    return Futures.mono(() -> connection.query(sql).execute()).then();
  }

  @Override
  public Mono<ExecResponse> transaction(Operation.Transaction t) {
    return lane.write(Mono.defer(() -> switch (t.kind()) {
      case BEGIN -> {
        begun = true;
        yield begin(t);
      }
      case COMMIT -> end("COMMIT");
      case ROLLBACK -> end("ROLLBACK");
      case SAVEPOINT -> run("SAVEPOINT " + SqlOperations.savepoint(t));
      case RELEASE_SAVEPOINT -> run("RELEASE SAVEPOINT " + SqlOperations.savepoint(t));
      case ROLLBACK_TO_SAVEPOINT -> run("ROLLBACK TO SAVEPOINT " + SqlOperations.savepoint(t));
    })
        .then(Mono.<ExecResponse>just(NONE))
        .onErrorMap(e -> translated(e, null, false, List.of(), null, List.of())));
  }

  /** BEGIN, as the dialect's statements where it has them, else with the options in SQL. */
  private Mono<Void> begin(Operation.Transaction t) {
    String isolation = t.isolation() == null ? null
        : t.isolation().name().replace('_', ' ').toUpperCase(Locale.ROOT);
    List<String> statements = parts.dialect().beginStatements(isolation, t.readOnly());
    if (statements.isEmpty()) {
      StringBuilder begin = new StringBuilder("BEGIN");
      if (isolation != null) {
        begin.append(" ISOLATION LEVEL ").append(isolation);
      }
      if (t.readOnly()) {
        begin.append(" READ ONLY");
      }
      statements = List.of(begin.toString());
    }
    return Flux.fromIterable(statements).concatMap(this::run).then();
  }

  /** COMMIT or ROLLBACK; the transaction is over whatever the answer. */
  private Mono<Void> end(String sql) {
    return run(sql).doFinally(s -> begun = false);
  }

  @Override
  public SqlDialect dialect() {
    return parts.dialect();
  }

  @Override
  public Mono<Void> executeDdl(List<String> statements,
      BiFunction<String, Throwable, Throwable> failure) {
    Mono<Void> each = Flux.fromIterable(statements)
        .concatMap(sql -> run(sql).onErrorMap(e -> failure.apply(sql, e)))
        .then();
    Mono<Void> ddl = !parts.dialect().transactionalDdl() ? each
        : Mono.usingWhen(run("BEGIN").thenReturn(Boolean.TRUE), open -> each,
            open -> run("COMMIT"), (open, e) -> run("ROLLBACK"), open -> run("ROLLBACK"));
    return lane.write(ddl.onErrorMap(e -> translated(e, null, false, List.of(), null,
        List.of())));
  }

  @Override
  public Mono<List<List<String>>> catalogRows(String sql) {
    return lane.write(Futures.mono(() -> connection.query(sql).execute())
        .map(result -> {
          List<List<String>> rows = new ArrayList<>();
          for (Row row : result) {
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
              Object v = row.getValue(i);
              texts.add(v == null ? null : String.valueOf(v));
            }
            rows.add(texts);
          }
          return rows;
        })
        .onErrorMap(e -> translated(e, null, false, List.of(), null, List.of())));
  }

  /**
   * {@code error} of {@code statement} (run with {@code args}; null when not one) as Toasty's
   * exception; a lost connection is remembered for {@link #close}.
   */
  private Throwable translated(Throwable error, @Nullable String table, boolean delete,
      List<Integer> computed, @Nullable StatementNode statement, List<Value> args) {
    String state = sqlState(error);
    if (timeout.limited() && state != null && parts.dialect().endsTimedWait(state)) {
      return new QueryTimeoutException(parts.dialect().backend(), state,
          "the statement waited for a lock past its statement timeout, and the database "
          + "stopped it", error);
    }
    Throwable t = parts.errors().translate(error, table, delete, computed, statement, args);
    if (t instanceof ConnectionLostException) {
      lost = true;
    }
    return t;
  }

  /** The SQLSTATE of the first of {@code error} and its causes that has one, or null. */
  private static @Nullable String sqlState(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof DatabaseException d && d.getSqlState() != null) {
        return d.getSqlState();
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  /**
   * Returns the connection to Vert.x's pool, once, in its turn after every operation started
   * before (cancelled ones run to their end first); a transaction still open is rolled back
   * first, so that no borrower inherits it. A connection that was lost is given back only once
   * its socket closed ({@link #giveBack}).
   */
  @Override
  public Mono<Void> close() {
    return Mono.defer(() -> {
      if (!CLOSED.compareAndSet(this, 0, 1)) {
        return Mono.empty();
      }
      if (lane.passIfIdle(this::settled)) {
        // Every operation before is over and nothing is left to settle: the release's turn is
        // now, with no turn to take and nothing to wait for, which is every plan's usual close
        // (as R2dbcConnection's).
        released.run();
        return giveBack();
      }
      // counted back when it is handed to the pool, so that the gauges are right once the close
      // completes
      return lane.write(Mono.defer(this::settle))
          .onErrorResume(e -> Mono.empty())
          .then(Mono.fromRunnable(released))
          .then(Mono.defer(this::giveBack));
    });
  }

  /**
   * Gives the connection back to Vert.x's pool, unless its socket closed: the pool took it out
   * when it saw the close, and a give-back after that would put the dead connection back to be
   * lent again. A lost connection's socket is closing: its close is waited for (at most
   * {@link #LOST_CLOSE_WAIT}) so that it is never given back still looking alive, which would
   * fail one more borrower (FaultScenarios.aReadRightAfterIdleSessionsAreKilledSucceeds).
   */
  private Mono<Void> giveBack() {
    if (socketGone) {
      return Mono.empty();
    }
    Mono<Void> close = Futures.mono(connection::close);
    return lost ? socketClosed.asMono().timeout(LOST_CLOSE_WAIT, close) : close;
  }

  /**
   * Waits for the answer to the last streamed read's COMMIT; where it failed, rolls the read's
   * transaction back, and a connection that cannot is not lent again. Only the last one counts:
   * a later streamed read's BEGIN and COMMIT end whatever an earlier failed COMMIT left open
   * (MariaDB's BEGIN commits it, PostgreSQL's COMMIT ends it).
   */
  private Mono<Void> readEnded() {
    Future<?> commit = readCommit;
    if (commit == null) {
      return Mono.empty();
    }
    return Mono.fromCompletionStage(commit.toCompletionStage()).then()
        .onErrorResume(failed -> run("ROLLBACK").onErrorResume(e -> {
          lost = true;
          return Mono.empty();
        }));
  }

  /**
   * Whether {@link #settle} has nothing to do: no transaction open, no read's COMMIT to wait for,
   * the session's statement timeout as lent; or the connection is lost (its socket closing).
   */
  private boolean settled() {
    return lost || !begun && readCommit == null && timeout.asLent();
  }

  /**
   * In the release's turn: rolls back a transaction still open and sets the session's statement
   * timeout back to what it was when lent; nothing on a connection already lost.
   */
  private Mono<Void> settle() {
    if (lost) {
      return Mono.empty();
    }
    return readEnded()
        .then(begun ? end("ROLLBACK").onErrorResume(e -> Mono.empty()) : Mono.<Void>empty())
        .then(timeout.restore().onErrorResume(e -> {
          lost = true; // a session left with another statement timeout is not lent again
          return Mono.empty();
        }));
  }
}
