package io.toasty.reactive;

import static io.toasty.reactive.Models.*;
import static org.junit.jupiter.api.Assertions.*;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.toasty.driver.Capability;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.error.DriverException;
import io.toasty.reactive.observe.MicrometerObserver;
import io.toasty.reactive.observe.StatementTimers;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A Db given a MeterRegistry times each statement by model, operation and outcome. */
class StatementTimersTest {
  private final FakeDriver driver = new FakeDriver(Capability.H2, Dbs.SCHEMA);
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  private DbBuilder builder() {
    return Toasty.builder().models(USERS, TODOS).driverFactory(config -> driver)
        .meterRegistry(meters);
  }

  private long count(String model, String operation, String outcome) {
    Timer t = meters.find(StatementTimers.NAME).tag("model", model).tag("operation", operation)
        .tag("outcome", outcome).timer();
    return t == null ? 0 : t.count();
  }

  @Test
  void eachStatementIsTimedWithoutAnObservationRegistry() {
    Db db = builder().build();
    db.exec(insertUser("Ann")).blockLast();
    db.exec(insertUser("Bob")).blockLast();
    db.exec(users(eq(user(1), str("a")))).blockLast();
    assertEquals(2, count("User", "insert", "success"));
    assertEquals(1, count("User", "select", "success"));
    assertEquals(0, count("User", "insert", "error"));
    Timer insert = meters.find(StatementTimers.NAME).tag("operation", "insert").timer();
    assertEquals("h2", insert.getId().getTag("backend"));
  }

  @Test
  void aFailedStatementIsTimedAsAnError() {
    driver.respond(op -> op instanceof Operation.Insert
        ? Mono.error(new DriverException("h2", "XX000", "boom", null)) : null);
    Db db = builder().build();
    assertThrows(DriverException.class, () -> db.exec(insertUser("Ann")).blockLast());
    assertEquals(1, count("User", "insert", "error"));
    assertEquals(0, count("User", "insert", "success"));
  }

  @Test
  void aCancelledStatementIsTimedAsCancelled() {
    driver.respond(op -> op instanceof Operation.QuerySql ? Mono.never() : null);
    Db db = builder().build();
    db.exec(users(eq(user(1), str("a")))).subscribe().dispose();
    assertEquals(1, count("User", "select", "cancelled"));
  }

  @Test
  void aReaderThatStopsOnceItHasTheWholeResultIsASuccess() {
    driver.respond(op -> op instanceof Operation.QuerySql ? Mono.just(
        new ExecResponse.Rows(Flux.just(userRow(1),
            userRow(2)))) : null);
    Db db = builder().build();
    // the key pins one record: once it came, nothing was left to cancel
    assertNotNull(db.exec(users(eq(user(0), i64(1)))).next().block());
    assertEquals(1, count("User", "select", "success"));
    assertEquals(0, count("User", "select", "cancelled"));
    // a filter that matches many: the reader cut the result short
    assertNotNull(db.exec(users(eq(user(1), str("a")))).next().block());
    assertEquals(1, count("User", "select", "cancelled"));
  }

  @Test
  void withAMicrometerObserverTheObservationsTimeTheStatementsInstead() {
    Db db = builder().observer(new MicrometerObserver(ObservationRegistry.create())).build();
    db.exec(insertUser("Ann")).blockLast();
    assertNull(meters.find(StatementTimers.NAME).timer(), "no second timer of the same name");
  }
}
