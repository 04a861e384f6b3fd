package io.toasty.neo4j;

import io.toasty.Feature;
import io.toasty.driver.Connection;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.error.DriverException;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.neo4j.codec.CypherValues;
import io.toasty.neo4j.codec.Neo4jColumns;
import io.toasty.neo4j.codec.ParamValues;
import io.toasty.neo4j.cypher.RawLabels;
import io.toasty.neo4j.cypher.RenderedCypher;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.stmt.StatementNode;
import io.toasty.value.RowReader;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Record;
import org.neo4j.driver.reactivestreams.ReactiveResult;
import org.neo4j.driver.reactivestreams.ReactiveSession;
import org.neo4j.driver.reactivestreams.ReactiveTransaction;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * One reactive session of the Neo4j driver. A statement runs in the session's transaction when
 * one is begun, else on its own (auto-commit); its records stream with the subscriber's demand
 * passed to the server. Operations run one after another: the next starts only once the
 * previous has completed, failed or been cancelled, so a ROLLBACK after a cancel runs after it.
 */
final class Neo4jConnection implements Connection {
  private final Neo4jContext context;
  private final ReactiveSession session;
  private final Runnable released;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile @Nullable ReactiveTransaction tx;
  /**
   * Completes when the operation started last has finished; swapped atomically, since operations
   * may be subscribed from the caller's thread and from the driver's event loop.
   */
  private final AtomicReference<Mono<Void>> idle = new AtomicReference<>(Mono.empty());

  Neo4jConnection(Neo4jContext context, ReactiveSession session, Runnable released) {
    this.context = context;
    this.session = session;
    this.released = released;
  }

  @Override
  public Mono<ExecResponse> exec(Operation operation) {
    Objects.requireNonNull(operation, "operation");
    return Mono.defer(() -> {
      if (closed.get()) {
        return Mono.error(closedError());
      }
      if (operation instanceof Operation.Transaction t) {
        return inTurn(transaction(t)).thenReturn(new ExecResponse.Count(0));
      }
      if (operation instanceof Operation.QuerySql q) {
        return statement(q.statement(), q.args(), q.rowType());
      }
      if (operation instanceof Operation.Insert i) {
        return statement(i.statement(), i.args(), i.rowType());
      }
      if (operation instanceof Operation.Scan s) {
        return scan(s);
      }
      if (operation instanceof Operation.RawCypher c) {
        return rawCypher(c);
      }
      if (operation instanceof Operation.PathQuery p) {
        RenderedCypher cypher = context.renderer().render(p.statement());
        Map<String, Object> params = ParamValues.of(cypher.params(), p.args());
        return Mono.just(new ExecResponse.Rows(run(cypher.text(), params, List.of())
            .map(r -> decode(r, p.rowType()))));
      }
      return Mono.error(refusal(operation));
    });
  }

  private static DriverException closedError() {
    return new DriverException(Neo4jContext.BACKEND, null, "the connection was closed", null);
  }

  private static UnsupportedFeatureException refusal(Operation operation) {
    if (operation instanceof Operation.RawSql) {
      return new UnsupportedFeatureException(Feature.SQL, Neo4jContext.BACKEND,
          "raw SQL: Neo4j runs Cypher");
    }
    return new UnsupportedFeatureException(Feature.SQL, Neo4jContext.BACKEND,
        "Neo4j runs table-level statements rendered as Cypher, not "
        + operation.getClass().getSimpleName());
  }

  /** A whole-table read (the health check's): the same as a query of those columns. */
  private Mono<ExecResponse> scan(Operation.Scan s) {
    List<ExprNode> columns = new ArrayList<>();
    List<Type> types = new ArrayList<>();
    var table = context.schema().table(s.table());
    for (int c : s.columns()) {
      columns.add(new ExprNode.Column(s.table(), c));
      types.add(table.column(c).type());
    }
    Query q = new Query(new Source.Table(s.table()), s.filter(), new Returning.Project(columns),
        List.of(), null);
    return statement(q, s.args(), types);
  }

  private Mono<ExecResponse> statement(StatementNode statement, List<Value> args,
      List<Type> rowType) {
    RenderedCypher cypher = context.renderer().render(statement);
    Map<String, Object> params = ParamValues.of(cypher.params(), args);
    Flux<Record> records = run(cypher.text(), params, cypher.guarded());
    if (cypher.rows()) {
      List<Type> types = rowTypes(cypher, rowType);
      return Mono.just(new ExecResponse.Rows(records.map(r -> decode(r, types))));
    }
    return records.collectList().map(list -> new ExecResponse.Count(
        list.isEmpty() ? 0 : list.get(0).get(0).asLong()));
  }

  /**
   * The query's records built by {@code reader} straight from the driver's records
   * ({@link Neo4jColumns}), without the value path's {@code Value} per cell; the same records,
   * errors and turn as {@link #exec}'s rows read back.
   */
  @Override
  public <T> Flux<T> read(Operation.QuerySql query, int[] fields, RowReader<T> reader) {
    return Flux.defer(() -> {
      if (closed.get()) {
        return Flux.error(closedError());
      }
      RenderedCypher cypher = context.renderer().render(query.statement());
      if (!cypher.rows()) {
        return Connection.super.read(query, fields, reader);
      }
      Neo4jColumns columns = new Neo4jColumns(fields, rowTypes(cypher, query.rowType()));
      Map<String, Object> params = ParamValues.of(cypher.params(), query.args());
      return run(cypher.text(), params, cypher.guarded()).map(r -> reader.read(columns.at(r)));
    });
  }

  /** The types of the rendered statement's columns: its own where it names them. */
  private static List<Type> rowTypes(RenderedCypher cypher, List<Type> rowType) {
    return cypher.types().isEmpty() ? rowType : cypher.types();
  }

  private static Value.Record decode(Record r, List<Type> rowType) {
    Value[] values = new Value[r.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = CypherValues.decode(r.get(i), i < rowType.size() ? rowType.get(i)
          : Type.Scalar.NULL);
    }
    return Value.Record.adopt(values);
  }

  /** The application's own Cypher: its rows, or what it wrote (see {@link RawCypherRows}). */
  private Mono<ExecResponse> rawCypher(Operation.RawCypher c) {
    Map<String, Object> params = RawCypherRows.params(c);
    String text = RawLabels.prefixed(c.text(), context.schema(), context.renderer().names());
    if (c.returnsRows()) {
      var reader = RawCypherRows.reader(c.table() == null ? null
          : context.schema().table(c.table()), c.columns());
      return Mono.just(new ExecResponse.Rows(run(text, params, List.of()).map(reader)));
    }
    Flux<ExecResponse> written = inTurn(Flux.defer(() -> Flux.from(result(text, params))
        .concatMap(r -> Flux.from(r.consume()))
        .map(summary -> (ExecResponse) new ExecResponse.Count(RawCypherRows.count(summary)))));
    return written.next().onErrorMap(e -> context.errors().translate(e, List.of()));
  }

  /** The statement's records, run in this connection's turn, errors translated. */
  private Flux<Record> run(String text, Map<String, Object> params, List<String> guarded) {
    Flux<Record> records = Flux.defer(() -> Flux.from(result(text, params))
        .concatMap(r -> Flux.from(r.records())));
    return inTurn(records).onErrorMap(e -> context.errors().translate(e, guarded));
  }

  /** {@code text} run in the open transaction, else on its own. */
  private Flux<ReactiveResult> result(String text, Map<String, Object> params) {
    return Flux.deferContextual(ctx -> tx != null ? tx.run(text, params)
        : session.run(text, params, context.transactionConfig(ctx)));
  }

  private Mono<Void> transaction(Operation.Transaction t) {
    return switch (t.kind()) {
      case BEGIN -> Mono.defer(() -> {
        if (tx != null) {
          return Mono.error(new DriverException(Neo4jContext.BACKEND, null,
              "a transaction is already open on this connection", null));
        }
        return Mono.deferContextual(ctx -> Mono.from(
                session.beginTransaction(context.transactionConfig(ctx))))
            .doOnNext(begun -> tx = begun).then();
      });
      case COMMIT -> end(true);
      case ROLLBACK -> end(false);
      case SAVEPOINT, RELEASE_SAVEPOINT, ROLLBACK_TO_SAVEPOINT -> Mono.error(
          new UnsupportedFeatureException(Feature.SAVEPOINTS, Neo4jContext.BACKEND,
              "Neo4j transactions have no savepoints"));
    };
  }

  private Mono<Void> end(boolean commit) {
    return Mono.defer(() -> {
      ReactiveTransaction open = tx;
      tx = null;
      if (open == null) {
        return Mono.empty();
      }
      return Mono.<Void>from(commit ? open.commit() : open.rollback());
    }).onErrorMap(context.errors()::translate);
  }

  /** Runs {@code work} once every operation started before it has finished. */
  private <T> Flux<T> inTurn(Flux<T> work) {
    return Flux.defer(() -> {
      Sinks.Empty<Void> done = Sinks.empty();
      Mono<Void> before = idle.getAndSet(done.asMono());
      return before.thenMany(work).doFinally(signal -> done.tryEmitEmpty());
    });
  }

  private Mono<Void> inTurn(Mono<Void> work) {
    return inTurn(work.flux()).then();
  }

  @Override
  public Mono<Void> close() {
    return Mono.defer(() -> {
      if (!closed.compareAndSet(false, true)) {
        return Mono.empty();
      }
      Mono<Void> rollback = tx == null ? Mono.empty()
          : end(false).onErrorResume(e -> Mono.empty());
      return Objects.requireNonNull(idle.get(), "never null").onErrorResume(e -> Mono.empty())
          .then(rollback)
          .then(Mono.<Void>from(session.close()).onErrorResume(e -> Mono.empty()))
          // Counted back before the close completes, so that the pool's gauges read after it
          // see the connection returned.
          .then(Mono.fromRunnable(released));
    });
  }
}
