package io.toasty.reactive;

import static io.toasty.reactive.Models.*;
import static org.junit.jupiter.api.Assertions.*;

import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.toasty.driver.Capability;
import io.toasty.driver.Connection;
import io.toasty.driver.Driver;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.PoolState;
import io.toasty.reactive.observe.MicrometerObserver;
import io.toasty.reactive.observe.PoolMetrics;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** One Micrometer Observation per statement, ended once, without values; pool gauges. */
class ObserverTest {
  private final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();
  private final ObservationRegistry registry = ObservationRegistry.create();

  ObserverTest() {
    registry.observationConfig().observationHandler(new ObservationHandler<>() {
      @Override
      public boolean supportsContext(Observation.Context context) {
        return true;
      }

      @Override
      public void onStop(Observation.Context context) {
        stopped.add(context);
      }
    });
  }

  private Db db(FakeDriver driver) {
    return Toasty.builder().models(USERS, TODOS).driverFactory(config -> driver)
        .observer(new MicrometerObserver(registry)).build();
  }

  @Test
  void eachStatementIsOneObservationWithItsShapeButNotItsValues() {
    FakeDriver driver = new FakeDriver(Capability.H2, Dbs.SCHEMA);
    driver.respond(op -> Mono.just(new ExecResponse.Rows(Flux.just(userRow(1), userRow(2)))));
    Db db = db(driver);
    assertEquals(2, db.exec(users(eq(user(1), str("secret-name")))).count().block());
    assertEquals(1, stopped.size());
    Observation.Context c = stopped.get(0);
    assertEquals(MicrometerObserver.NAME, c.getName());
    assertEquals("h2", value(c, "db.backend"));
    assertEquals("User", value(c, "db.model"));
    assertEquals("select", value(c, "db.operation"));
    assertEquals("false", value(c, "db.transaction"));
    assertEquals("2", value(c, "db.rows"));
    String shape = value(c, "db.statement.shape");
    assertTrue(shape.startsWith("select User where "), shape);
    assertFalse(shape.contains("secret-name"), shape);
    assertNull(c.getError());
  }

  @Test
  void aFailedStatementCarriesItsErrorAndACancelledOneEndsOnce() {
    FakeDriver driver = new FakeDriver(Capability.H2, Dbs.SCHEMA);
    IllegalStateException boom = new IllegalStateException("boom");
    driver.respond(op -> Mono.error(boom));
    Db db = db(driver);
    assertThrows(IllegalStateException.class, () -> db.exec(users(eq(user(1), str("x"))))
        .blockLast());
    assertSame(boom, stopped.get(0).getError());
    driver.respond(op -> Mono.just(new ExecResponse.Rows(Flux.range(1, 1000)
        .map(i -> userRow(i)))));
    db.exec(users(eq(user(1), str("x")))).take(3).blockLast();
    assertEquals(2, stopped.size());
    assertEquals("3", value(stopped.get(1), "db.rows"));
  }

  @Test
  void theObservationInTheContextIsTheParent() {
    FakeDriver driver = new FakeDriver(Capability.H2, Dbs.SCHEMA);
    driver.respond(op -> Mono.just(new ExecResponse.Rows(Flux.just(userRow(1)))));
    Db db = db(driver);
    Observation request = Observation.start("http.request", registry);
    db.exec(users(eq(user(1), str("x"))))
        .contextWrite(ctx -> ctx.put(ObservationThreadLocalAccessor.KEY, request))
        .blockLast();
    request.stop();
    Observation.Context statement = stopped.get(0);
    assertEquals(MicrometerObserver.NAME, statement.getName());
    assertSame(request.getContext(), statement.getParentObservation().getContextView());
  }

  @Test
  void statementsInATransactionAreObservedOnceEach() {
    FakeDriver driver = new FakeDriver(Capability.H2, Dbs.SCHEMA);
    driver.respond(op -> Mono.just(new ExecResponse.Rows(Flux.just(userRow(1)))));
    Db db = db(driver);
    db.transaction(tx -> Flux.concat(tx.exec(users(eq(user(1), str("a")))),
        db.exec(users(eq(user(1), str("b")))))).blockLast();
    assertEquals(List.of("true", "true"), stopped.stream()
        .map(c -> value(c, "db.transaction")).collect(Collectors.toList()));
  }

  @Test
  void poolGaugesReadThePoolState() {
    FakeDriver fake = new FakeDriver(Capability.H2, Dbs.SCHEMA);
    Driver pooled = new Driver() {
      @Override public Capability capability() {
        return fake.capability();
      }

      @Override public Mono<Connection> connect() {
        return fake.connect();
      }

      @Override public Mono<Void> pushSchema() {
        return fake.pushSchema();
      }

      @Override public Mono<Void> resetSchema() {
        return fake.resetSchema();
      }

      @Override public Optional<PoolState> poolState() {
        return Optional.of(new PoolState(10, 3, 2, 5, 4));
      }

      @Override public Mono<Void> close() {
        return fake.close();
      }
    };
    Db db = Toasty.builder().models(USERS, TODOS).driverFactory(config -> pooled).build();
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    PoolMetrics.bind(db, meters);
    assertEquals(10.0, meters.get("toasty.pool.max").tag("db.backend", "h2").gauge().value());
    assertEquals(3.0, meters.get("toasty.pool.acquired").gauge().value());
    assertEquals(4.0, meters.get("toasty.pool.pending").gauge().value());
  }

  private static String value(Observation.Context c, String key) {
    KeyValue low = c.getLowCardinalityKeyValue(key);
    KeyValue kv = low != null ? low : c.getHighCardinalityKeyValue(key);
    return kv == null ? null : kv.getValue();
  }
}
