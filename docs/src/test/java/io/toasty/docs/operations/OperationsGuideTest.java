package io.toasty.docs.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.r2dbc.spi.Connection;
import io.toasty.error.PoolTimeoutException;
import io.toasty.error.RecordNotFoundException;
import io.toasty.error.UniqueViolationException;
import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import io.toasty.reactive.Tx;
import io.toasty.reactive.observe.LoggingObserver;
import io.toasty.reactive.observe.MicrometerObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Runs the examples of docs/operations.md and reads the meters they make. */
class OperationsGuideTest {

  @Test
  void aDbThatChecksOnlyTheSocketServesStatements() {
    Db db = OperationsGuide.unvalidated("r2dbc:h2:mem:///operations-unvalidated");
    try {
      db.schema().push().block();
      Metrics.create().name("read").value(1).exec(db).block();
      assertEquals(1L, Metrics.all().count(db).block());
    } finally {
      db.close().block();
    }
  }

  @Test
  void retriedWorkRunsAsWritten() {
    Db db = OperationsGuide.retrying("r2dbc:h2:mem:///operations-retry");
    try {
      db.schema().push().block();
      Metric m = Metrics.create().name("bumped").value(1).exec(db).block();
      // ten concurrent read-modify-write transactions: every bump counts, conflicts are retried
      Flux.range(0, 10)
          .flatMap(i -> OperationsGuide.bump(db, m.id()))
          .blockLast();
      assertEquals(11, Metrics.getById(db, m.id()).block().value());
    } finally {
      db.close().block();
    }
  }

  @Test
  void anEndlessQueryIsStoppedAndABoundedTransactionCommits() {
    Db db = OperationsGuide.retrying("r2dbc:h2:mem:///operations-timeouts");
    try {
      db.schema().push().block();
      assertEquals("stopped", OperationsGuide.stopped(db).block());
      Metric m = Metrics.create().name("bounded").value(1).exec(db).block();
      assertEquals(2, OperationsGuide.bounded(db, m.id()).block().value());
      assertEquals(false, OperationsGuide.forgotten(db, m.id()).block(), "the commit came late");
      assertEquals(2, Metrics.getById(db, m.id()).block().value(), "its update was rolled back");
    } finally {
      db.close().block();
    }
  }

  /** A get's record, then the Db closed at once: the record is whole and the close is clean. */
  @Test
  void aCloseRightAfterAGetIsClean() {
    Db db = Toasty.builder().models(Metrics.MODEL)
        .url("r2dbc:h2:mem:///operations-get-then-close").poolMaxSize(1).build();
    db.schema().push().block();
    Metric m = Metrics.create().name("read").value(3).exec(db).block();
    assertEquals(m, OperationsGuide.readThenClose(db, m.id()).block());
    assertEquals(0, db.poolState().orElseThrow().acquired(), "no connection is held after");
  }

  /**
   * The pool's connections all taken (a transaction holds the one of a pool of one), gets queue
   * behind it and are read together when it ends: each still answers with its own record, and
   * a key nobody stored with RecordNotFoundException.
   */
  @Test
  void getsWaitingTogetherEachAnswerTheirOwnRecord() {
    Db db = Toasty.builder().models(Metrics.MODEL)
        .url("r2dbc:h2:mem:///operations-coalesced").poolMaxSize(1).build();
    Db wide = OperationsGuide.coalescing("r2dbc:h2:mem:///operations-coalesced-wide");
    try {
      db.schema().push().block();
      List<UUID> ids = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        ids.add(Metrics.create().name("m" + i).value(i).exec(db).block().id());
      }
      Tx holder = db.begin().block();
      Mono<List<Metric>> read =
          OperationsGuide.many(db, ids).collectList().cache();
      read.subscribe();
      Mono<Metric> none = Metrics.getById(db, new UUID(0, 7)).cache();
      none.subscribe(v -> { }, e -> { });
      // 41 gets wait for the held connection as one batch: one place in the queue, not 41
      assertEquals(1, db.poolState().orElseThrow().pending(), "requests waiting for a connection");
      holder.commit().block();
      List<Metric> got = read.block(Duration.ofSeconds(30));
      for (int i = 0; i < ids.size(); i++) {
        assertEquals(ids.get(i), got.get(i).id());
        assertEquals(i, got.get(i).value());
      }
      assertThrows(RecordNotFoundException.class,
          () -> none.block(Duration.ofSeconds(30)));
      wide.schema().push().block();
      assertEquals(0, OperationsGuide.many(wide, List.of()).count().block());
    } finally {
      db.close().block();
      wide.close().block();
    }
  }

  /**
   * The pool's one connection held by a transaction, reads of the samples of 13 metrics queue
   * behind it as two batches (8 metrics, then 5) and are read by two queries when it ends: each
   * request gets its own metric's samples, in time order, and a metric with none an empty list.
   */
  @Test
  void listsWaitingTogetherEachGetTheirOwnRecordsInOrder() {
    Db db = Toasty.builder().models(Metrics.MODEL, Samples.MODEL)
        .url("r2dbc:h2:mem:///operations-coalesced-lists").poolMaxSize(1).build();
    try {
      db.schema().push().block();
      List<UUID> metrics = new ArrayList<>();
      for (int m = 0; m < 13; m++) {
        metrics.add(new UUID(0, m + 1));
        for (int i = 0; i < m % 4; i++) { // metric 0 has none; the others 1 to 3, newest first
          Samples.create().metricId(metrics.get(m)).at(100 - i).value(m * 10L + i).exec(db)
              .block();
        }
      }
      Tx holder = db.begin().block();
      Mono<List<List<Sample>>> read =
          OperationsGuide.samplesOf(db, metrics).collectList().cache();
      read.subscribe();
      assertEquals(2, db.poolState().orElseThrow().pending(), "requests waiting for a connection");
      holder.commit().block();
      List<List<Sample>> got = read.block(Duration.ofSeconds(30));
      for (int m = 0; m < 13; m++) {
        List<Long> values = new ArrayList<>();
        for (int i = m % 4 - 1; i >= 0; i--) {
          values.add(m * 10L + i); // oldest first
        }
        assertEquals(values, got.get(m).stream().map(Sample::value).toList(), "metric " + m);
        UUID own = metrics.get(m);
        got.get(m).forEach(x -> assertEquals(own, x.metricId(), "a sample of another metric"));
      }
    } finally {
      db.close().block();
    }
  }

  /**
   * The pool's one connection held by a transaction, updates by key queue behind it and are
   * written by one statement when it ends: each metric gets its own request's value, and an id
   * nobody stored counts 0.
   */
  @Test
  void updatesWaitingTogetherEachWriteTheirOwnRecord() {
    Db db = Toasty.builder().models(Metrics.MODEL)
        .url("r2dbc:h2:mem:///operations-coalesced-updates").poolMaxSize(1).build();
    Db wide = OperationsGuide.coalescingUpdates(
        "r2dbc:h2:mem:///operations-coalesced-updates-wide");
    try {
      db.schema().push().block();
      Map<UUID, Long> values = new LinkedHashMap<>();
      for (int i = 0; i < 40; i++) {
        values.put(Metrics.create().name("m" + i).value(i).exec(db).block().id(), 1000L + i);
      }
      values.put(new UUID(0, 7), 7L); // nobody stored it
      Tx holder = db.begin().block();
      Mono<Long> written = OperationsGuide.setEach(db, values).cache();
      written.subscribe();
      // 41 updates wait for the held connection as one batch: one place in the queue, not 41
      assertEquals(1, db.poolState().orElseThrow().pending(), "requests waiting for a connection");
      holder.commit().block();
      assertEquals(40L, written.block(Duration.ofSeconds(30)));
      for (Metric m : Metrics.all().collect(db).block()) {
        assertEquals(values.get(m.id()), m.value(), m.name());
      }
      wide.schema().push().block();
      assertEquals(0L, OperationsGuide.setEach(wide, Map.of(new UUID(0, 1), 1L))
          .block());
    } finally {
      db.close().block();
      wide.close().block();
    }
  }

  @Test
  void aLoggedDbRunsStatements() {
    Db db = OperationsGuide.logged("r2dbc:h2:mem:///operations-logging");
    try {
      db.schema().push().block();
      Metric m = Metrics.create().name("logged").value(2).exec(db).block();
      assertEquals(2, Metrics.getById(db, m.id()).block().value());
    } finally {
      db.close().block();
    }
  }

  @Test
  void aDbLoggingValuesRunsStatements() {
    Db db = OperationsGuide.loggedWithValues("r2dbc:h2:mem:///operations-log-values");
    try {
      db.schema().push().block();
      ApiClient c = ApiClients.create().name("billing").apiKey("k-123").exec(db).block();
      assertEquals("billing", ApiClients.filter(ApiClients.API_KEY.eq("k-123")).first(db)
          .block().name());
      assertEquals(c, ApiClients.getById(db, c.id()).block());
    } finally {
      db.close().block();
    }
  }

  @Test
  void statementsAreTimedAndThePoolIsGauged() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    Db db = OperationsGuide.observed("r2dbc:h2:mem:///operations-guide", meters);
    db.transactionMono(tx -> Mono.empty()).block();
    createAndRead(db);
    assertEquals(1, meters.get("toasty.statement").tag("db.operation", "insert")
        .tag("db.model", "Metric").timer().count());
    assertEquals(1, meters.get("toasty.statement").tag("db.operation", "select")
        .timer().count());
    assertEquals(10.0, meters.get("toasty.pool.max").gauge().value());
    assertEquals(1.0, meters.get("toasty.transactions.begun").functionCounter().count());
    assertEquals(1.0, meters.get("toasty.transactions").tag("outcome", "committed")
        .functionTimer().count());
  }

  /** A job's statements are its observation's children (a tracer makes them its spans). */
  @Test
  void aJobsStatementsAreObservedUnderIt() {
    List<Observation.Context> stopped = new CopyOnWriteArrayList<>();
    ObservationRegistry observations = ObservationRegistry.create();
    observations.observationConfig().observationHandler(new ObservationHandler<>() {
      @Override public boolean supportsContext(Observation.Context context) {
        return true;
      }

      @Override public void onStop(Observation.Context context) {
        stopped.add(context);
      }
    });
    Db db = Toasty.builder().models(Metrics.MODEL).url("r2dbc:h2:mem:///operations-job")
        .observer(new MicrometerObserver(observations))
        .observer(new LoggingObserver(Duration.ofMillis(500))).build();
    try {
      db.schema().push().block();
      Metrics.create().name("requests").value(1).exec(db).block();
      assertEquals(1, OperationsGuide.nightlyJob(db, observations).block().size());
      Observation.Context job = stopped.stream()
          .filter(c -> c.getName().equals("nightly.rollup")).findFirst().orElseThrow();
      assertEquals(1, stopped.stream().filter(c -> c.getParentObservation() != null
          && c.getParentObservation().getContextView() == job).count());
    } finally {
      db.close().block();
    }
  }

  /** On {@code db} (then closed): the schema pushed, a metric created and read back. */
  private static void createAndRead(Db db) {
    try {
      db.schema().push().block();
      Metric m = Metrics.create().name("requests").value(1).exec(db).block();
      Metrics.getById(db, m.id()).block();
    } finally {
      db.close().block();
    }
  }

  @Test
  void statementsAreTimedWithoutAnObservationRegistry() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    createAndRead(OperationsGuide.timed("r2dbc:h2:mem:///operations-timers", meters));
    assertEquals(1, meters.get("toasty.statement").tag("operation", "insert")
        .tag("model", "Metric").tag("outcome", "success").timer().count());
    assertEquals(1, meters.get("toasty.statement").tag("operation", "select")
        .tag("outcome", "success").timer().count());
    assertEquals(10.0, meters.get("toasty.pool.max").gauge().value());
  }

  @Test
  void aValueOutOfRangeIsRefusedNamingTheField() {
    Db db = OperationsGuide.retrying("r2dbc:h2:mem:///operations-ranges");
    try {
      db.schema().push().block();
      assertEquals("Metric.name", OperationsGuide.refused(db).block());
      assertEquals(0, Metrics.all().collect(db).block().size());
    } finally {
      db.close().block();
    }
  }

  @Test
  void aSensitiveTypeIsStoredAsItsValueAndPrintsTheMask() {
    Db db = Toasty.builder().models(Webhooks.MODEL)
        .url("r2dbc:h2:mem:///operations-sensitive-type").build();
    try {
      db.schema().push().block();
      String text = OperationsGuide.webhook(db, "whsec_0123456789abcd").block();
      Assertions.assertTrue(text.endsWith(
          ", url=https://example.com/hook, signingSecret=***] signs with 20 characters"), text);
      Assertions.assertFalse(text.contains("whsec"), text);
    } finally {
      db.close().block();
    }
  }

  @Test
  void aSensitiveValueNeverShows() {
    Db db = Toasty.builder().models(ApiClients.MODEL)
        .url("r2dbc:h2:mem:///operations-sensitive").build();
    try {
      db.schema().push().block();
      String key = "sk-live-0123456789";
      assertEquals("ApiClient: no record found (apiKey = ***)",
          OperationsGuide.notFound(db, key).block());
      ApiClients.create().name("billing").apiKey(key).exec(db).block();
      assertEquals("billing", OperationsGuide.notFound(db, key).block());
      UniqueViolationException e = Assertions.assertThrows(
          UniqueViolationException.class,
          () -> ApiClients.create().name("other").apiKey(key).exec(db).block());
      for (Throwable t = e; t != null; t = t.getCause()) {
        Assertions.assertFalse(String.valueOf(t.getMessage()).contains(key),
            t::toString);
      }
      String plan = db.explain(ApiClients.filter(ApiClients.API_KEY.eq(key)).untyped());
      Assertions.assertFalse(plan.contains(key), plan);
    } finally {
      db.close().block();
    }
  }

  @Test
  void healthIsARoundTripAndThePool() {
    Db db = OperationsGuide.retrying("r2dbc:h2:mem:///operations-health");
    try {
      String h = OperationsGuide.health(db).block();
      Assertions.assertTrue(h.matches(
          "UP h2 in \\d+ ms, 0 of 10 connections in use, 0 waiting"), h);
    } finally {
      db.close().block();
    }
    String down = OperationsGuide.health(db).block();
    Assertions.assertTrue(down.startsWith("DOWN h2 in "), down);
  }

  /**
   * On an application's own pool, whose connections are all in use elsewhere, a statement fails
   * at the Db's acquire timeout with a transient PoolTimeoutException, and the pool is whole
   * afterwards.
   */
  @Test
  void anOwnPoolThatIsBusyEndsTheWaitWithAPoolTimeout() {
    OperationsGuide.OnOwnPool own = OperationsGuide.onOwnPool(
        "r2dbc:h2:mem:///operations-own-pool?options=DB_CLOSE_DELAY=-1");
    Duration guard = Duration.ofSeconds(30);
    try {
      List<Connection> elsewhere = Flux.range(0, 4)
          .concatMap(i -> own.pool().create()).collectList().block(guard);
      Throwable e = own.db().sql("SELECT 1 AS one").rows().then(Mono.<Throwable>empty())
          .onErrorResume(Mono::just).block(guard);
      Assertions.assertInstanceOf(PoolTimeoutException.class, e);
      assertEquals(Duration.ofSeconds(2),
          ((PoolTimeoutException) e).waited());
      Flux.fromIterable(elsewhere)
          .concatMap(Connection::close).blockLast(guard);
      assertEquals(1L, own.db().sql("SELECT 1 AS one").rows().count().block(guard));
    } finally {
      own.db().close().block(guard);
      own.pool().disposeLater().block(guard);
    }
  }
}
