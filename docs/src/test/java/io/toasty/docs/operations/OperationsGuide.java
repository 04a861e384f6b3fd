package io.toasty.docs.operations;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.toasty.Secret;
import io.toasty.SqlStatement;
import io.toasty.error.QueryTimeoutException;
import io.toasty.error.RecordNotFoundException;
import io.toasty.error.ValueOutOfRangeException;
import io.toasty.r2dbc.R2dbcDrivers;
import io.toasty.reactive.Db;
import io.toasty.reactive.Health;
import io.toasty.reactive.RetryPolicy;
import io.toasty.reactive.Toasty;
import io.toasty.reactive.TxOptions;
import io.toasty.reactive.observe.LoggingObserver;
import io.toasty.reactive.observe.MicrometerObserver;
import io.toasty.reactive.observe.PoolMetrics;
import io.toasty.reactive.observe.TransactionMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The examples of {@code docs/operations.md}, run by {@link OperationsGuideTest}. */
final class OperationsGuide {
  private OperationsGuide() {}

  static Db observed(String url, MeterRegistry meters) {
    // snippet: ops-observations
    ObservationRegistry observations = ObservationRegistry.create();
    // each observation becomes a timer named toasty.statement in the meter registry
    observations.observationConfig()
        .observationHandler(new DefaultMeterObservationHandler(meters));
    Db db = Toasty.builder()
        .models(Metrics.MODEL)
        .url(url)
        .observer(new MicrometerObserver(observations))
        .build();
    PoolMetrics.bind(db, meters);   // toasty.pool.max, .acquired, .idle, .allocated, .pending
    TransactionMetrics.bind(db, meters);   // toasty.transactions, .begun, .active, ...
    // end-snippet
    return db;
  }

  static Db timed(String url, MeterRegistry meters) {
    // snippet: ops-statement-timers
    Db db = Toasty.builder()
        .models(Metrics.MODEL)
        .url(url)
        .meterRegistry(meters)   // toasty.statement timers, toasty.pool.*, toasty.transactions*
        .build();
    // end-snippet
    return db;
  }

  /** A Db on an application's own r2dbc-pool, and that pool (its owner closes it). */
  record OnOwnPool(ConnectionPool pool, Db db) {}

  static OnOwnPool onOwnPool(String url) {
    // snippet: ops-application-pool
    // the application's pool: a session that stops answering can be given up and dropped
    ConnectionFactory sessions = R2dbcDrivers.abandonable(ConnectionFactories.get(url));
    ConnectionPool pool = new ConnectionPool(ConnectionPoolConfiguration.builder(sessions)
        .maxSize(4)
        .maxAcquireTime(Duration.ofSeconds(30))          // the pool's own waits end too
        .maxCreateConnectionTime(Duration.ofSeconds(10))
        // a server's idle connection checked with a round trip before it is handed out
        .validationDepth(R2dbcDrivers.acquireValidation(sessions))
        .build());
    Db db = Toasty.builder()
        .models(Metrics.MODEL)
        .acquireTimeout(Duration.ofSeconds(2))  // permit and pool wait together, at most
        .driverFactory(config -> R2dbcDrivers.onConnectionFactory(pool, config))
        .build();
    // end-snippet
    return new OnOwnPool(pool, db);
  }

  static Db unvalidated(String url) {
    // snippet: ops-validation
    Db db = Toasty.builder()
        .models(Metrics.MODEL)
        .url(url)
        .validateOnAcquire(false) // only "is the socket open", however long it sat idle
        .build();
    // end-snippet
    return db;
  }

  static Db retrying(String url) {
    // snippet: ops-retry
    Db db = Toasty.builder()
        .models(Metrics.MODEL)
        .url(url)
        .retry(RetryPolicy.transientErrors(3))   // 50 ms, 100 ms, 200 ms (less up to half)
        .transactionRetry(RetryPolicy.transientErrors(3)) // whole transaction functions
        .statementTimeout(Duration.ofSeconds(5)) // the database stops longer statements
        .build();
    // end-snippet
    return db;
  }

  static Mono<Metric> bump(Db db, UUID id) {
    // snippet: ops-retry-transaction
    TxOptions options = TxOptions.serializable().retry(RetryPolicy.transientErrors(5));
    // read, then write what was read: run again from the start if another transaction interferes
    return db.transactionMono(options, tx -> Metrics.getById(tx, id)
        .flatMap(m -> Metrics.update(m).value(m.value() + 1).exec(tx)));
    // end-snippet
  }

  static Mono<String> stopped(Db db) {
    // snippet: ops-timeout-statement
    // an endless query (on H2) with a limit of its own: H2 stops it at 300 ms
    SqlStatement endless = new SqlStatement(db.timeout(Duration.ofMillis(300)),
        "SELECT count(*) FROM SYSTEM_RANGE(1, 1000000000) a, SYSTEM_RANGE(1, 1000000000) b");
    return endless.rows().then(Mono.just("finished"))
        .onErrorResume(QueryTimeoutException.class, e -> Mono.just("stopped"));
    // end-snippet
  }

  static Mono<Metric> bounded(Db db, UUID id) {
    // snippet: ops-timeout-transaction
    TxOptions options = TxOptions.defaults().timeout(Duration.ofSeconds(2));
    // all of it within 2 s, or rolled back with a QueryTimeoutException
    return db.transactionMono(options, tx -> Metrics.getById(tx, id)
        .flatMap(m -> Metrics.update(m).value(m.value() + 1).exec(tx)));
    // end-snippet
  }

  static Mono<Boolean> forgotten(Db db, UUID id) {
    // snippet: ops-timeout-begin
    // a transaction begun by hand that nobody ends: rolled back at 300 ms, connection released
    return db.begin(TxOptions.defaults().timeout(Duration.ofMillis(300)))
        .flatMap(tx -> Metrics.updateById(id).value(99).exec(tx)
            .then(Mono.delay(Duration.ofSeconds(1))) // ...and forgets tx.commit()
            .then(tx.commit()).thenReturn(true))
        .onErrorResume(QueryTimeoutException.class, e -> Mono.just(false));
    // end-snippet
  }

  static Db logged(String url) {
    // snippet: ops-logging
    Db db = Toasty.builder()
        .models(Metrics.MODEL)
        .url(url)
        // logger io.toasty.statement: every statement at DEBUG, slower than 500 ms at WARN
        .observer(new LoggingObserver(Duration.ofMillis(500)))
        .build();
    // end-snippet
    return db;
  }

  /**
   * A job outside WebFlux, observed on its own: its statements' lines carry its trace and span
   * ids, and their observations are its children.
   */
  static Mono<List<Metric>> nightlyJob(Db db, ObservationRegistry observations) {
    // snippet: ops-log-trace
    // a scheduled job, not a request: give its statements the job's observation as their caller
    Observation job = Observation.start("nightly.rollup", observations);
    return Metrics.filter(Metrics.NAME.eq("requests")).collect(db)
        .contextWrite(c -> c.put(ObservationThreadLocalAccessor.KEY, job))
        .doFinally(signal -> job.stop());
    // end-snippet
  }

  static Db loggedWithValues(String url) {
    // snippet: ops-log-values
    Db db = Toasty.builder()
        .models(ApiClients.MODEL)
        .url(url)
        .observer(new LoggingObserver(Duration.ofMillis(500)))
        .logValues(true)   // the DEBUG lines show the values; a sensitive one as ***
        .build();
    // end-snippet
    return db;
  }

  static Mono<String> refused(Db db) {
    // snippet: ops-value-ranges
    // a lone UTF-16 surrogate: refused on every backend before anything is sent
    Mono<Metric> created = Metrics.create().name("caf\uD800").value(1).exec(db);
    return created.map(Metric::name)
        .onErrorResume(ValueOutOfRangeException.class,
            e -> Mono.just(e.model().orElseThrow() + "." + e.field().orElseThrow()));
    // "Metric.name"
    // end-snippet
  }

  static Mono<String> notFound(Db db, String apiKey) {
    // snippet: ops-sensitive-errors
    return ApiClients.filter(ApiClients.API_KEY.eq(apiKey)).get(db)
        .map(ApiClient::name)
        .onErrorResume(RecordNotFoundException.class, e -> Mono.just(e.getMessage()));
    // "ApiClient: no record found (apiKey = ***)", whatever the key
    // end-snippet
  }

  static Mono<String> webhook(Db db, String secret) {
    // snippet: ops-sensitive-type
    return Webhooks.create().url("https://example.com/hook")
        .signingSecret(Secret.of(secret)).exec(db)
        .flatMap(w -> Webhooks.filter(Webhooks.SIGNING_SECRET.eq(secret)).first(db))
        .map(w -> w + " signs with " + w.signingSecret().value().length() + " characters");
    // "Webhook[id=..., url=https://example.com/hook, signingSecret=***] signs with 20 characters"
    // end-snippet
  }

  static Mono<Metric> readThenClose(Db db, UUID id) {
    // snippet: ops-get-then-close
    // the record comes as soon as its row does; the connection goes back right after, and a
    // close that follows at once is safe: the pool closes that connection when it comes back
    return Metrics.getById(db, id).flatMap(m -> db.close().thenReturn(m));
    // end-snippet
  }

  static Db coalescing(String url) {
    // snippet: ops-coalesced-gets
    Db db = Toasty.builder()
        .models(Metrics.MODEL)
        .url(url)
        .poolMaxSize(10)
        .coalesceGets(true)   // the default: gets that wait for a connection share one query
        .build();
    // end-snippet
    return db;
  }

  static Flux<Metric> many(Db db, List<UUID> ids) {
    // snippet: ops-coalesced-burst
    // a burst of requests, as a WebFlux service under load serves them: while all 10
    // connections are taken, the gets waiting for one are read by one "id IN (..)" each time
    // a connection comes back, and each request still gets its own record (or an error)
    return Flux.fromIterable(ids).flatMapSequential(id -> Metrics.getById(db, id), 256);
    // end-snippet
  }

  static Flux<List<Sample>> samplesOf(Db db, List<UUID> metricIds) {
    // snippet: ops-coalesced-lists
    // one request per metric, as a dashboard's widgets each ask for theirs: while all 10
    // connections are taken, the reads waiting for one are answered up to 8 metrics at a time
    // by one "metric_id IN (..) ORDER BY at", each request still getting its own samples in order
    return Flux.fromIterable(metricIds).flatMapSequential(id -> Samples
        .filter(Samples.METRIC_ID.eq(id)).orderBy(Samples.AT.asc()).collect(db), 256);
    // end-snippet
  }

  static Db coalescingUpdates(String url) {
    // snippet: ops-coalesced-updates
    Db db = Toasty.builder()
        .models(Metrics.MODEL)
        .url(url)
        .poolMaxSize(10)
        .coalesceUpdates(true)   // the default: updates that wait for a connection share one
        .build();                // statement where the database can say which rows it wrote
    // end-snippet
    return db;
  }

  static Mono<Long> setEach(Db db, Map<UUID, Long> values) {
    // snippet: ops-coalesced-update-burst
    // each request sets one metric's value; while all 10 connections are taken, the updates
    // waiting for one are written by one "UPDATE .. SET value = CASE id WHEN .. END WHERE id
    // IN (..)" each time a connection comes back, and each still counts its own row
    return Flux.fromIterable(values.entrySet())
        .flatMap(e -> Metrics.updateById(e.getKey()).value(e.getValue()).exec(db), 256)
        .reduce(0L, Long::sum);   // 1 per metric found, 0 for an id nobody stored
    // end-snippet
  }

  static Mono<String> health(Db db) {
    // snippet: ops-health
    Mono<Health> health = db.health();   // never fails: an unreachable database is DOWN
    return health.map(h -> h.status() + " " + h.backend() + " in " + h.latency().toMillis()
        + " ms" + h.poolState().map(p -> ", " + p.acquired() + " of " + p.maxSize()
            + " connections in use, " + p.pending() + " waiting").orElse("")
        + (h.up() ? "" : ": " + h.error()));
    // "UP h2 in 1 ms, 0 of 10 connections in use, 0 waiting"
    // end-snippet
  }
}
