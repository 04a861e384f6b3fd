package io.toasty.spring;

import static org.assertj.core.api.Assertions.assertThat;

import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.TraceContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.RequiredSearch;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.toasty.reactive.Db;
import io.toasty.spring.app.Note;
import io.toasty.spring.app.Notes;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * With Actuator's observation and metrics auto-configuration, each statement is one
 * {@code toasty.statement} observation, so one timer sample tagged by model and operation, and
 * the pool's gauges are in the registry. One subclass per database; each test starts a context
 * of its own, so its registry counts its statements only.
 */
abstract class ObservabilityContract extends DatabaseContract {

  /**
   * The Db's transaction statistics are meters in Actuator's registry: begun, ended by outcome
   * with their time, active and failed cleanups, tagged with the backend.
   */
  @Test
  void transactionStatisticsAreMeters() {
    runner().run(context -> {
      Db db = context.getBean(Db.class);
      MeterRegistry meters = context.getBean(MeterRegistry.class);
      db.transactionMono(tx -> Notes.create().text("kept").exec(tx)).block();
      db.transactionMono(tx -> Notes.create().text("undone").exec(tx)
          .then(Mono.error(new IllegalStateException("undo"))))
          .onErrorResume(IllegalStateException.class, e -> Mono.empty())
          .block();
      String backend = backend().toastyName();
      assertThat(own(meters, "toasty.transactions.begun").tag("db.backend", backend)
          .functionCounter().count()).isEqualTo(2.0);
      assertThat(own(meters, "toasty.transactions").tag("outcome", "committed")
          .tag("db.backend", backend).functionTimer().count()).isEqualTo(1.0);
      assertThat(own(meters, "toasty.transactions").tag("outcome", "rolled_back")
          .functionTimer().count()).isEqualTo(1.0);
      assertThat(own(meters, "toasty.transactions").tag("outcome", "committed").functionTimer()
          .totalTime(TimeUnit.NANOSECONDS)).isPositive();
      assertThat(own(meters, "toasty.transactions").tag("outcome", "cancelled").functionTimer()
          .count()).isZero();
      assertThat(own(meters, "toasty.transactions").tag("outcome", "commit_unknown")
          .functionTimer().count()).isZero();
      assertThat(own(meters, "toasty.transactions.active").gauge().value()).isZero();
      assertThat(own(meters, "toasty.transactions.cleanup.failures").functionCounter().count())
          .isZero();
    });
  }

  /** A meter of the Db's own transactions ({@code manager=toasty}). */
  private static RequiredSearch own(MeterRegistry meters,
      String name) {
    return meters.get(name).tag("manager", "toasty");
  }

  /**
   * The transactions of Spring's manager on the Db's pool ({@code @Transactional},
   * {@code TransactionalOperator}) are meters too, tagged {@code manager=spring}: begun, ended
   * by outcome, active; the Db's own meters do not count them.
   */
  @Test
  void springTransactionsAreMetersOfTheirOwn() {
    springTransactions().run(context -> {
      Db db = context.getBean(Db.class);
      MeterRegistry meters = context.getBean(MeterRegistry.class);
      TransactionalOperator transactional = TransactionalOperator.create(
          context.getBean(ReactiveTransactionManager.class));
      transactional.transactional(Notes.create().text("kept").exec(db)).block();
      transactional.transactional(Notes.create().text("undone").exec(db)
              .then(Mono.error(new IOException("reset"))))
          .onErrorResume(IOException.class, e -> Mono.empty())
          .block();
      String backend = backend().toastyName();
      assertThat(meters.get("toasty.transactions.begun").tag("manager", "spring")
          .tag("db.backend", backend).functionCounter().count()).isEqualTo(2.0);
      assertThat(meters.get("toasty.transactions").tag("manager", "spring")
          .tag("outcome", "committed").functionTimer().count()).isEqualTo(1.0);
      assertThat(meters.get("toasty.transactions").tag("manager", "spring")
          .tag("outcome", "rolled_back").functionTimer().count()).isEqualTo(1.0);
      assertThat(meters.get("toasty.transactions").tag("manager", "spring")
          .tag("outcome", "committed").functionTimer()
          .totalTime(TimeUnit.NANOSECONDS)).isPositive();
      assertThat(meters.get("toasty.transactions.active").tag("manager", "spring").gauge()
          .value()).isZero();
      assertThat(own(meters, "toasty.transactions.begun").functionCounter().count()).isZero();
      assertThat(Notes.filter(Notes.TEXT.eq("undone")).count(db).block()).isZero();
    });
  }

  /**
   * With Micrometer Tracing, a statement's log line carries the caller's trace and span ids in
   * the MDC (where Boot's log pattern shows them), and its span is a child of the caller's: the
   * caller here is an observation in the subscriber's context, as WebFlux puts a request's.
   */
  @Test
  void statementLinesAndSpansCarryTheCallersTrace() {
    List<MutableSpan> spans = new CopyOnWriteArrayList<>();
    try (StatementLog log = StatementLog.capture()) {
      observed(Boot.TRACING)
          .withPropertyValues("toasty.url=" + url(), "toasty.schema=push",
              "management.tracing.sampling.probability=1.0")
          .withBean(SpanHandler.class, () -> new SpanHandler() {
            @Override
            public boolean end(TraceContext context, MutableSpan span, Cause cause) {
              spans.add(span);
              return true;
            }
          })
          .run(context -> {
            Db db = context.getBean(Db.class);
            Tracer tracer = context.getBean(Tracer.class);
            Observation request = Observation.start("test.request",
                context.getBean(ObservationRegistry.class));
            Span caller;
            try (Observation.Scope scope = request.openScope()) {
              caller = tracer.currentSpan();
            }
            Notes.create().text("traced").exec(db)
                .flatMap(n -> Notes.getById(db, n.id()))
                .contextWrite(c -> c.put(ObservationThreadLocalAccessor.KEY, request))
                .block();
            Notes.create().text("untraced").exec(db).block();
            request.stop();
            String traceId = caller.context().traceId();
            timed(() -> assertThat(log.lines).filteredOn(l -> traceId.equals(l.traceId()))
                .extracting(StatementLog.Line::message)
                .satisfiesExactly(insert -> assertThat(insert).contains("insert Note"),
                    get -> assertThat(get).contains("select Note")));
            assertThat(log.lines).filteredOn(l -> traceId.equals(l.traceId()))
                .allMatch(l -> caller.context().spanId().equals(l.spanId()));
            assertThat(log.lines).filteredOn(l -> l.message().contains("(1 row)"))
                .hasSize(2).anyMatch(l -> l.traceId() == null); // the create outside it
            timed(() -> assertThat(spans).filteredOn(s -> "Note".equals(s.tag("db.model")))
                .hasSize(3).filteredOn(s -> traceId.equals(s.traceId())).hasSize(2)
                .allMatch(s -> caller.context().spanId().equals(s.parentId())));
          });
    }
  }

  /** Actuator's observations and metrics, R2DBC, the Toasty starter and {@code more}. */
  private static ApplicationContextRunner observed(Class<?>... more) {
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(Boot.OBSERVATION_AND_METRICS))
        .withConfiguration(AutoConfigurations.of(Boot.R2DBC,
            ToastyConnectionFactoryAutoConfiguration.class, ToastyAutoConfiguration.class,
            ToastyMetricsAutoConfiguration.class))
        .withConfiguration(AutoConfigurations.of(more));
  }

  private ApplicationContextRunner runner() {
    return observed().withPropertyValues("toasty.url=" + url(), "toasty.pool-max-size=3",
        "toasty.schema=push");
  }

  /** On Boot's pool, with its R2DBC transaction manager. */
  private ApplicationContextRunner springTransactions() {
    return observed(Boot.R2DBC_TRANSACTIONS, Boot.TRANSACTIONS)
        .withPropertyValues("spring.r2dbc.url=" + url(), "toasty.schema=push");
  }

  @Test
  void everyStatementIsATimedObservationAndThePoolHasGauges() {
    runner().run(context -> {
      Db db = context.getBean(Db.class);
      MeterRegistry meters = context.getBean(MeterRegistry.class);
      Note n = Notes.create().text("observed").exec(db).block();
      Notes.getById(db, n.id()).block();
      Notes.getById(db, n.id()).block();
      timed(() -> {
        assertThat(meters.get("toasty.statement").tag("db.model", "Note")
            .tag("db.operation", "insert").tag("db.backend", backend().toastyName()).timer()
            .count()).isEqualTo(1);
        assertThat(meters.get("toasty.statement").tag("db.model", "Note")
            .tag("db.operation", "select").timer().count()).isEqualTo(2);
      });
      assertThat(meters.get("toasty.pool.max").gauge().value()).isEqualTo(3.0);
      // a transaction holds a connection, and the gauge shows it (a single statement's goes
      // back to the pool after its result, on a network database a moment later)
      Double held = db.transactionMono(tx -> Notes.getById(tx, n.id())
          .map(x -> meters.get("toasty.pool.acquired").gauge().value())).block();
      assertThat(held).isGreaterThanOrEqualTo(1.0);
    });
  }

  /**
   * With a {@code MeterRegistry} and no {@code ObservationRegistry} (Micrometer without
   * Actuator's observation auto-configuration), the Db times each statement in the registry
   * itself: a {@code toasty.statement} timer by model, operation and outcome.
   */
  @Test
  void aMeterRegistryAloneTimesEveryStatement() {
    new ApplicationContextRunner()
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .withConfiguration(AutoConfigurations.of(Boot.R2DBC,
            ToastyConnectionFactoryAutoConfiguration.class, ToastyAutoConfiguration.class))
        .withPropertyValues("toasty.url=" + url(), "toasty.pool-max-size=3",
            "toasty.schema=push")
        .run(context -> {
          assertThat(context.getBeanProvider(ObservationRegistry.class)
              .getIfAvailable()).isNull();
          Db db = context.getBean(Db.class);
          MeterRegistry meters = context.getBean(MeterRegistry.class);
          Note n = Notes.create().text("timed").exec(db).block();
          Notes.getById(db, n.id()).block();
          timed(() -> {
            assertThat(meters.get("toasty.statement").tag("model", "Note")
                .tag("operation", "insert").tag("outcome", "success").timer().count())
                .isEqualTo(1);
            assertThat(meters.get("toasty.statement").tag("model", "Note")
                .tag("operation", "select").timer().count()).isEqualTo(1);
          });
        });
  }

  /**
   * {@code assertions}, once they hold (a hang guard of 20 s, not a timing assertion): a
   * statement is timed when it ends, and a get's statement ends a moment after its record came
   * (the record is told at its row); a meter not made yet is not found until then.
   */
  private static void timed(ThrowingRunnable assertions) {
    Awaitility.await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
        .untilAsserted(assertions);
  }

  /**
   * A Spring-managed transaction's statements (Toasty's on the connection Spring bound) are each
   * one observation, in the transaction: none is counted a second time outside it.
   */
  @Test
  void aSpringTransactionsStatementsAreCountedOnceEachInTheTransaction() {
    springTransactions().run(context -> {
      Db db = context.getBean(Db.class);
      MeterRegistry meters = context.getBean(MeterRegistry.class);
      TransactionalOperator transactional = TransactionalOperator.create(
          context.getBean(ReactiveTransactionManager.class));
      // a PATCH: read the record, write it, read it back
      Note n = Notes.create().text("patched").exec(db).block();
      transactional.transactional(Notes.getById(db, n.id())
              .flatMap(found -> Notes.updateById(found.id()).text("patched twice").exec(db))
              .then(Notes.getById(db, n.id())))
          .block();
      timed(() -> {
        assertThat(statements(meters, "true")).isEqualTo(3);
        assertThat(statements(meters, "false")).isEqualTo(1); // the create before it
      });
    });
  }

  /**
   * {@code toasty.statement.cancelled} stays at zero under plain work (gets, firsts, lists,
   * streams, counts, updates, deletes, each read as the caller asked) and counts a subscriber
   * that cancels mid-stream.
   */
  @Test
  void onlyAStatementCutShortCountsAsCancelled() {
    runner().run(context -> {
      Db db = context.getBean(Db.class);
      MeterRegistry meters = context.getBean(MeterRegistry.class);
      Note n = Notes.create().text("plain").exec(db).block();
      Notes.createMany(List.of(Notes.create().text("many"),
          Notes.create().text("many"), Notes.create().text("many"))).exec(db).block();
      Notes.getById(db, n.id()).block();
      Notes.filterById(n.id()).first(db).block();
      Notes.filter(Notes.TEXT.eq("many")).first(db).block();
      Notes.filter(Notes.TEXT.eq("many")).collect(db).block();
      Notes.filter(Notes.TEXT.eq("many")).stream(db).blockLast();
      Notes.filter(Notes.TEXT.eq("many")).count(db).block();
      Notes.filter(Notes.TEXT.eq("many")).exists(db).block();
      Notes.updateById(n.id()).text("plainer").exec(db).block();
      Notes.update(Notes.getById(db, n.id()).block()).text("plainest").exec(db).block();
      Notes.deleteById(n.id()).exec(db).block();
      timed(() -> assertThat(statements(meters, "false")).isEqualTo(13));
      assertThat(meters.find("toasty.statement.cancelled").counters()).isEmpty();
      Notes.filter(Notes.TEXT.eq("many")).stream(db).take(1).blockLast();
      timed(() -> assertThat(meters.get("toasty.statement.cancelled").counter().count())
          .isEqualTo(1.0));
    });
  }

  /** The {@code toasty.statement} observations, in a transaction or not, all models. */
  private static long statements(MeterRegistry meters, String inTransaction) {
    return meters.find("toasty.statement").tag("db.transaction", inTransaction).timers()
        .stream().mapToLong(io.micrometer.core.instrument.Timer::count).sum();
  }

  @Test
  void failedStatementsAreTaggedWithTheirError() {
    runner().run(context -> {
      Db db = context.getBean(Db.class);
      MeterRegistry meters = context.getBean(MeterRegistry.class);
      Note n = Notes.create().text("once").exec(db).block();
      Notes.create().id(n.id()).text("twice").exec(db).onErrorResume(e -> reactor.core
          .publisher.Mono.empty()).block();
      assertThat(meters.get("toasty.statement").tag("db.operation", "insert")
          .tag("error", "UniqueViolationException").timer().count()).isEqualTo(1);
    });
  }
}
