package io.toasty.reactive;

import static io.toasty.reactive.Models.*;
import static org.junit.jupiter.api.Assertions.*;

import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.toasty.driver.Capability;
import io.toasty.driver.Connection;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.reactive.observe.MicrometerObserver;
import io.toasty.reactive.observe.StatementInfo;
import io.toasty.reactive.observe.StatementObserver;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.Limit;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.stmt.UpdateNode;
import io.toasty.value.Value;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Each statement is observed once, with its transaction flag, whoever owns the transaction
 * (Toasty's own, or an outer manager's connection found by a {@link ConnectionBinding}); a
 * cancel counts only when it cut the result short.
 */
class ObservedOnceTest {
  /** One line per observation's end, as a log would have it: "select User true cancelled". */
  private final List<String> ended = new CopyOnWriteArrayList<>();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final FakeDriver driver = new FakeDriver(Capability.H2, Dbs.SCHEMA);
  /** The outer manager's connection, found where the subscriber's context says "outer". */
  private final Connection outer = driver.connect().block();

  private final StatementObserver recording = (info, context) -> (rows, error, cancelled) ->
      ended.add(line(info, cancelled));

  private static String line(StatementInfo info, boolean cancelled) {
    return info.operation() + " " + info.model() + " " + info.inTransaction()
        + (cancelled ? " cancelled" : "");
  }

  private Db db() {
    ObservationRegistry observations = ObservationRegistry.create();
    observations.observationConfig()
        .observationHandler(new DefaultMeterObservationHandler(meters));
    return Toasty.builder().models(Models.READ_USERS, TODOS).driverFactory(config -> driver)
        .observer(recording).observer(new MicrometerObserver(observations))
        .connectionBinding(context -> context.hasKey("outer") ? Mono.just(outer) : Mono.empty())
        .build();
  }

  private long timed(String transaction) {
    Search s = meters.find(MicrometerObserver.NAME).tag("db.transaction", transaction);
    return s.timers().stream().mapToLong(io.micrometer.core.instrument.Timer::count).sum();
  }

  @Test
  void aCollectedReadIsObservedOnceWithEachOfItsRows() {
    List<Long> rows = new CopyOnWriteArrayList<>();
    driver.respond(op -> op instanceof Operation.QuerySql q && !q.rowType().isEmpty()
        ? Mono.just(new ExecResponse.Rows(Flux.range(1, 3).map(i -> Value.Record.of(
            new Value.I64(i), new Value.Str("u" + i), new Value.Str(i + "@x"), Value.NULL))))
        : null);
    Db db = Toasty.builder().models(Models.READ_USERS, TODOS).driverFactory(config -> driver)
        .observer((info, context) -> (n, error, cancelled) -> rows.add(n)).build();
    assertEquals(3, db.readAll(Query.all("User"), Models.READ_USERS, null).block().size());
    assertEquals(1, driver.readAlls.get());
    assertEquals(List.of(3L), rows);
  }

  @Test
  void statementsOnAnAdoptedConnectionAreObservedOnceEachInTheTransaction() {
    Db db = db();
    Flux.concat(db.exec(insertUser("Ann")), db.exec(users(eq(user(1), str("Ann")))),
            db.read(users(eq(user(1), str("Ann"))), Models.READ_USERS))
        .contextWrite(c -> c.put("outer", true)).blockLast();
    assertEquals(List.of("insert User true", "select User true", "select User true"), ended);
    assertEquals(3, timed("true"));
    assertEquals(0, timed("false"), "no statement also counted outside the transaction");
  }

  @Test
  void statementsOfToastysOwnTransactionAreObservedOnceEach() {
    Db db = db();
    db.transaction(tx -> Flux.concat(tx.exec(insertUser("Ann")),
        db.exec(users(eq(user(1), str("Ann")))),
        db.read(users(eq(user(1), str("Ann"))), Models.READ_USERS))).blockLast();
    db.exec(insertUser("Bob")).blockLast();
    assertEquals(List.of("insert User true", "select User true", "select User true",
        "insert User false"), ended);
    assertEquals(3, timed("true"));
    assertEquals(1, timed("false"));
  }

  @Test
  void aCallerThatStopsOnceItHasTheWholeResultCancelledNothing() {
    respondWithUsers(1);
    Db db = db();
    // an update's count taken with next(), as every typed update and delete does
    db.exec(new UpdateNode(new Source.Model("User"), eq(user(1), str("Ann")),
        List.of(new Assignment(2, str("a@example.com"))),
        new Returning.Count())).next().block();
    // a record the key pins, a limit of one, and a take of a limit's rows
    db.read(users(eq(user(0), i64(1))), Models.READ_USERS).next().block();
    db.exec(users(eq(user(1), str("Ann"))).withLimit(new Limit(i64(1), null))).next().block();
    respondWithUsers(3);
    db.exec(users(eq(user(1), str("Ann"))).withLimit(new Limit(i64(3), null))).take(3)
        .blockLast();
    // a whole stream
    db.exec(users(eq(user(1), str("Ann")))).blockLast();
    assertEquals(List.of("update User false", "select User false", "select User false",
        "select User false", "select User false"), ended);
    assertNull(meters.find(MicrometerObserver.NAME + ".cancelled").counter(),
        "toasty.statement.cancelled counts no complete result");
  }

  @Test
  void aSubscriberThatCancelsMidStreamCancelledTheStatement() {
    respondWithUsers(1000);
    Db db = db();
    db.exec(users(eq(user(1), str("Ann")))).take(3).blockLast();
    db.exec(users(eq(user(1), str("Ann"))).withLimit(new Limit(i64(10), null))).next().block();
    assertEquals(List.of("select User false cancelled", "select User false cancelled"), ended);
    assertEquals(2, meters.get(MicrometerObserver.NAME + ".cancelled").counter().count());
  }

  @Test
  void aStatementCancelledBeforeItsRowCancelledIt() {
    driver.respond(op -> op instanceof Operation.QuerySql ? Mono.never() : null);
    Db db = db();
    db.exec(users(eq(user(0), i64(1)))).subscribe().dispose();
    assertEquals(List.of("select User false cancelled"), ended);
  }

  private void respondWithUsers(int n) {
    driver.respond(op -> op instanceof Operation.QuerySql q && !q.rowType().isEmpty()
        ? Mono.just(new ExecResponse.Rows(Flux.range(1, n).map(i -> userRow(i))))
        : null);
  }
}
