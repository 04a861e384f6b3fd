package io.toasty.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.toasty.error.SerializationFailureException;
import io.toasty.reactive.Db;
import io.toasty.reactive.ReplicaRoute;
import io.toasty.reactive.ReplicaRoute.Why;
import io.toasty.reactive.observe.LoggingObserver;
import io.toasty.spring.app.Labels;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import reactor.core.publisher.Mono;

/**
 * What the auto-configuration does whatever the database: models from the processor's index or
 * a bean, the timeout properties (on H2, whose endless query is one statement), configuration
 * metadata, a cursor key too short. {@link AutoConfigurationContract} has the rest, on every
 * database.
 */
class AutoConfigurationTest {
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(Boot.R2DBC,
          Boot.R2DBC_TRANSACTIONS, Boot.TRANSACTIONS,
          ToastyConnectionFactoryAutoConfiguration.class, ToastyAutoConfiguration.class));

  @Test
  void modelsComeFromTheProcessorsIndex() {
    runner.withPropertyValues("spring.r2dbc.url=r2dbc:h2:mem:///" + Backend.randomName())
        .run(context -> assertThat(context.getBean(ToastyModels.class).all())
            .extracting(m -> m.name())
            .containsExactlyInAnyOrder("Author", "Article", "Label", "Note", "Revision",
                "Activity", "Task", "Memo"));
  }

  /**
   * {@code toasty.statement-timeout} and {@code toasty.transaction-timeout} reach the Db: on
   * Boot's own pool (whose sessions the Db sets per statement) an endless H2 query is stopped
   * by H2 at the limit, a transaction waiting for ever is rolled back at its limit, and Spring's
   * translator makes each a Spring {@code QueryTimeoutException}. Nothing is timed: without the
   * limits neither would ever end.
   */
  @Test
  void timeoutPropertiesStopStatementsAndTransactions() {
    runner.withPropertyValues("spring.r2dbc.url=r2dbc:h2:mem:///" + Backend.randomName()
            + "?options=DB_CLOSE_DELAY=-1", "toasty.schema=push",
            "toasty.statement-timeout=300ms", "toasty.transaction-timeout=300ms")
        .run(context -> {
          Db db = context.getBean(Db.class);
          Throwable statement = db.sql("SELECT count(*) FROM SYSTEM_RANGE(1, 1000000000) a, "
                  + "SYSTEM_RANGE(1, 1000000000) b").rows().then(Mono.<Throwable>empty())
              .onErrorResume(Mono::just).block(Duration.ofSeconds(30));
          assertThat(statement).isInstanceOf(io.toasty.error.QueryTimeoutException.class);
          Throwable transaction = db.transactionMono(tx -> Mono.never())
              .then(Mono.<Throwable>empty()).onErrorResume(Mono::just)
              .block(Duration.ofSeconds(30));
          assertThat(transaction).isInstanceOf(io.toasty.error.QueryTimeoutException.class);
          ToastyExceptionTranslator translator = new ToastyExceptionTranslator();
          assertThat(translator.translateExceptionIfPossible((RuntimeException) statement))
              .isInstanceOf(org.springframework.dao.QueryTimeoutException.class);
          // the pool's sessions were set back: a statement without the Db's limit still runs
          assertThat(db.sql("SELECT 1 AS one").rows().count().block()).isEqualTo(1L);
        });
  }

  /**
   * {@code toasty.transaction-retry.*} reaches the Db: a transaction whose function fails with a
   * serialization failure runs again from the start, as many times as set; without the
   * property it runs once.
   */
  @Test
  void transactionRetryPropertiesRunFailedTransactionsAgain() {
    assertThat(transactionAttempts("toasty.transaction-retry.max-retries=2")).isEqualTo(3);
    assertThat(transactionAttempts("toasty.retry.max-retries=2")).isEqualTo(1);
  }

  /** The attempts of a transaction failing with a serialization failure twice, under property. */
  private int transactionAttempts(String property) {
    AtomicInteger attempts =
        new AtomicInteger();
    runner.withPropertyValues("spring.r2dbc.url=r2dbc:h2:mem:///" + Backend.randomName()
            + "?options=DB_CLOSE_DELAY=-1", "toasty.schema=push",
            "toasty.transaction-retry.first-backoff=1ms", property)
        .run(context -> context.getBean(Db.class)
            .transactionMono(tx -> attempts.incrementAndGet() < 3
                ? Mono.error(new SerializationFailureException("h2", "40001",
                    "a conflict (thrown by the test)", null))
                : Mono.just("done"))
            .onErrorResume(SerializationFailureException.class, e -> Mono.empty())
            .block(Duration.ofSeconds(30)));
    return attempts.get();
  }

  @Test
  void theTimeoutPropertiesHaveConfigurationMetadata() throws Exception {
    try (var in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(json).contains("\"toasty.statement-timeout\"", "\"toasty.transaction-timeout\"",
          "\"toasty.retry.max-retries\"", "\"toasty.transaction-retry.max-retries\"",
          "\"toasty.migrations.location\"",
          "\"toasty.log-values\"", "\"toasty.merge-batch-updates\"");
    }
  }

  /**
   * {@code toasty.log-values=true} reaches the Db: the statement log line at DEBUG shows the
   * values by slot; without it, never.
   */
  @Test
  void logValuesShowsTheValuesInTheStatementLog() {
    assertThat(statementLog("toasty.log-values=true"))
        .anyMatch(line -> line.contains("insert Label") && line.contains("\"crimson\""));
  }

  @Test
  void withoutLogValuesNoValueIsLogged() {
    List<String> lines = statementLog("toasty.log-values=false");
    assertThat(lines).anyMatch(line -> line.contains("insert Label"));
    assertThat(lines).noneMatch(line -> line.contains("crimson"));
  }

  /** The statement log's lines (at DEBUG) while a label is created with {@code property}. */
  private List<String> statementLog(String property) {
    ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger)
        LoggerFactory.getLogger(LoggingObserver.LOGGER);
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> events =
        new ch.qos.logback.core.read.ListAppender<>();
    ch.qos.logback.classic.Level level = logger.getLevel();
    events.start();
    logger.addAppender(events);
    logger.setLevel(ch.qos.logback.classic.Level.DEBUG);
    try {
      runner.withPropertyValues("spring.r2dbc.url=r2dbc:h2:mem:///" + Backend.randomName()
              + "?options=DB_CLOSE_DELAY=-1", "toasty.schema=push", property)
          .run(context -> Labels.create().text("crimson")
              .exec(context.getBean(Db.class)).block(Duration.ofSeconds(30)));
      return events.list.stream().map(e -> e.getFormattedMessage()).toList();
    } finally {
      logger.detachAppender(events);
      logger.setLevel(level);
    }
  }

  @Test
  void aUsersModelsBeanReplacesTheIndex() {
    runner.withPropertyValues("spring.r2dbc.url=r2dbc:h2:mem:///" + Backend.randomName())
        .withBean(ToastyModels.class, () -> new ToastyModels(List.of(Labels.MODEL)))
        .run(context -> assertThat(context.getBean(Db.class).models().hasModel("Author"))
            .isFalse());
  }

  @Test
  void aCursorKeyTooShortStopsTheStart() {
    runner.withPropertyValues("spring.r2dbc.url=r2dbc:h2:mem:///" + Backend.randomName(),
        "toasty.cursor-key=short").run(context -> assertThat(context).hasFailed()
            .getFailure().hasRootCauseInstanceOf(IllegalArgumentException.class)
            .hasStackTraceContaining("toasty.cursor-key"));
  }

  /**
   * {@code toasty.change-buffer} reaches the Db's builder: a buffer of 0 changes stops the start
   * with the builder's refusal; one of 16 starts.
   */
  @Test
  void theChangeBufferComesFromProperties() {
    runner.withPropertyValues("spring.r2dbc.url=r2dbc:h2:mem:///" + Backend.randomName(),
        "toasty.change-buffer=0").run(context -> assertThat(context).hasFailed()
            .getFailure().hasRootCauseInstanceOf(IllegalArgumentException.class)
            .hasStackTraceContaining("changeBuffer must be at least 1: 0"));
    runner.withPropertyValues("spring.r2dbc.url=r2dbc:h2:mem:///" + Backend.randomName(),
        "toasty.change-buffer=16").run(context -> assertThat(context).hasSingleBean(Db.class));
  }

  /**
   * {@code toasty.naming} unset leaves the naming to the backend (declared on H2: {@code labels});
   * set, it wins ({@code graph}: {@code Label}), and the models work under either name.
   */
  @Test
  void namingIsTheBackendsUnlessSet() {
    runner.withPropertyValues("spring.r2dbc.url=r2dbc:h2:mem:///" + Backend.randomName())
        .run(context -> assertThat(context.getBean(Db.class).tableOf(Labels.MODEL))
            .isEqualTo("labels"));
    runner.withPropertyValues("spring.r2dbc.url=r2dbc:h2:mem:///" + Backend.randomName()
            + "?options=DB_CLOSE_DELAY=-1", "toasty.schema=push", "toasty.naming=graph")
        .run(context -> {
          Db db = context.getBean(Db.class);
          assertThat(db.tableOf(Labels.MODEL)).isEqualTo("Label");
          Labels.create().text("blue").exec(db).block(Duration.ofSeconds(30));
          assertThat(Labels.all().stream(db).count().block(Duration.ofSeconds(30)))
              .isEqualTo(1L);
        });
  }

  /**
   * {@code toasty.replicas.*} reach the Db: a replica (here a second pool on the same H2
   * database) serves reads outside a transaction, writes go to the primary, and a read of a
   * request that wrote goes to the primary.
   */
  @Test
  void replicasComeFromProperties() {
    String url = "r2dbc:h2:mem:///" + Backend.randomName() + "?options=DB_CLOSE_DELAY=-1";
    runner.withPropertyValues("spring.r2dbc.url=" + url, "toasty.schema=push",
            "toasty.replicas.urls[0]=" + url, "toasty.replicas.read-your-writes=1h")
        .run(context -> {
          Db db = context.getBean(Db.class);
          assertThat(db.replicas()).hasSize(1);
          Labels.create().text("red").exec(db)
              .then(Labels.all().stream(db).count())
              .contextWrite(io.toasty.reactive.ReadYourWrites::start)
              .block(Duration.ofSeconds(30));
          assertThat(Labels.all().stream(db).count().block(Duration.ofSeconds(30)))
              .isEqualTo(1L);
          assertThat(db.routeCounts()).containsEntry(route("primary", Why.WRITE), 1L)
              .containsEntry(route("primary", Why.READ_YOUR_WRITES), 1L)
              .containsEntry(route("replica-0", Why.READ), 1L);
        });
  }

  /**
   * {@code toasty.naming=graph} reaches the Db: the pushed table is named after the record, and
   * raw SQL finds the row there.
   */
  @Test
  void namingComesFromProperties() {
    runner.withPropertyValues("spring.r2dbc.url=r2dbc:h2:mem:///" + Backend.randomName()
            + "?options=DB_CLOSE_DELAY=-1", "toasty.schema=push", "toasty.naming=graph")
        .run(context -> {
          Db db = context.getBean(Db.class);
          assertThat(db.tableOf(Labels.MODEL)).isEqualTo("Label");
          Labels.create().text("red").exec(db).block(Duration.ofSeconds(30));
          assertThat(db.sql("SELECT count(*) AS n FROM \"Label\"").rows().next()
              .map(r -> r.get("n", Long.class)).block(Duration.ofSeconds(30))).isEqualTo(1L);
        });
  }

  private static ReplicaRoute route(String target, Why why) {
    return new ReplicaRoute(target, why);
  }
}
