package io.toasty.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import io.toasty.reactive.Db;
import io.toasty.spring.app.Authors;
import io.toasty.spring.app.Labels;
import io.toasty.spring.app.Author;
import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Mono;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The Db bean from spring.r2dbc.*, from toasty.url and from the application's own factory. */
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
            .containsExactlyInAnyOrder("Author", "Article", "Label", "Note"));
  }

  @Test
  void onSpringR2dbcUrlTheDbUsesBootsOnePool() {
    runner.withPropertyValues("spring.r2dbc.url=r2dbc:h2:mem:///" + Backend.randomName()
            + "?options=DB_CLOSE_DELAY=-1", "spring.r2dbc.pool.initial-size=0",
            "spring.r2dbc.pool.max-size=3", "toasty.schema=push")
        .run(context -> {
          assertThat(context).hasSingleBean(ConnectionFactory.class).hasSingleBean(Db.class);
          ConnectionPool pool = (ConnectionPool) context.getBean(ConnectionFactory.class);
          Db db = context.getBean(Db.class);
          Author ann = Authors.create().name("Ann").email("ann@example.com").exec(db).block();
          assertThat(Authors.getById(db, ann.id()).block().name()).isEqualTo("Ann");
          // a Toasty transaction holds its connection from Boot's pool: there is no other pool
          Integer acquired = db.transactionMono(tx -> Authors.getById(tx, ann.id())
              .map(a -> pool.getMetrics().orElseThrow().acquiredSize())).block();
          assertThat(acquired).isEqualTo(1);
          assertThat(pool.getMetrics().orElseThrow().acquiredSize()).isZero();
          assertThat(pool.getMetrics().orElseThrow().getMaxAllocatedSize()).isEqualTo(3);
        });
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
          assertThat(statement).isInstanceOf(io.toasty.QueryTimeoutException.class);
          Throwable transaction = db.transactionMono(tx -> Mono.never())
              .then(Mono.<Throwable>empty()).onErrorResume(Mono::just)
              .block(Duration.ofSeconds(30));
          assertThat(transaction).isInstanceOf(io.toasty.QueryTimeoutException.class);
          ToastyExceptionTranslator translator = new ToastyExceptionTranslator();
          assertThat(translator.translateExceptionIfPossible((RuntimeException) statement))
              .isInstanceOf(org.springframework.dao.QueryTimeoutException.class);
          // the pool's sessions were set back: a statement without the Db's limit still runs
          assertThat(db.sql("SELECT 1 AS one").rows().count().block()).isEqualTo(1L);
        });
  }

  @Test
  void theTimeoutPropertiesHaveConfigurationMetadata() throws Exception {
    try (var in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      String json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(json).contains("\"toasty.statement-timeout\"", "\"toasty.transaction-timeout\"",
          "\"toasty.retry.max-retries\"", "\"toasty.migrations.location\"");
    }
  }

  @Test
  void toastyUrlMakesTheApplicationsOnlyConnectionFactory() {
    runner.withPropertyValues("toasty.url=r2dbc:h2:mem:///" + Backend.randomName()
            + "?options=DB_CLOSE_DELAY=-1", "toasty.pool-max-size=4", "toasty.schema=push")
        .run(context -> {
          assertThat(context).hasSingleBean(ConnectionFactory.class);
          ConnectionPool pool = (ConnectionPool) context.getBean(ConnectionFactory.class);
          assertThat(pool.getMetrics().orElseThrow().getMaxAllocatedSize()).isEqualTo(4);
          Db db = context.getBean(Db.class);
          Authors.create().name("Bo").email("bo@example.com").exec(db).block();
          assertThat(Authors.all().stream(db).count().block()).isEqualTo(1L);
        });
  }

  @Test
  void theApplicationsOwnConnectionFactory() {
    ConnectionFactory own = io.r2dbc.spi.ConnectionFactories.get(
        "r2dbc:h2:mem:///" + Backend.randomName() + "?options=DB_CLOSE_DELAY=-1");
    runner.withBean(ConnectionFactory.class, () -> own)
        .withPropertyValues("toasty.schema=push")
        .run(context -> {
          assertThat(context.getBean(ConnectionFactory.class)).isSameAs(own);
          Db db = context.getBean(Db.class);
          Authors.create().name("Cy").email("cy@example.com").exec(db).block();
          assertThat(Authors.all().stream(db).count().block()).isEqualTo(1L);
        });
  }

  @Test
  void aUsersModelsBeanReplacesTheIndex() {
    runner.withPropertyValues("spring.r2dbc.url=r2dbc:h2:mem:///" + Backend.randomName())
        .withBean(ToastyModels.class, () -> new ToastyModels(List.of(Labels.MODEL)))
        .run(context -> assertThat(context.getBean(Db.class).models().hasModel("Author"))
            .isFalse());
  }

  @Test
  void instancesWithOneCursorKeyAcceptEachOthersCursors() {
    String[] props = {"spring.r2dbc.url=r2dbc:h2:mem:///" + Backend.randomName()
        + "?options=DB_CLOSE_DELAY=-1", "toasty.schema=push",
        "toasty.cursor-key=one secret for every instance"};
    String[] cursor = new String[1];
    runner.withPropertyValues(props).run(context -> {
      Db db = context.getBean(Db.class);
      Authors.create().name("Ann").email("ann@example.com").exec(db).block();
      Authors.create().name("Bo").email("bo@example.com").exec(db).block();
      cursor[0] = Authors.all().orderBy(Authors.NAME.asc()).paginate(1).collect(db).block()
          .next().orElseThrow();
    });
    runner.withPropertyValues(props).run(context -> {
      Db db = context.getBean(Db.class);
      assertThat(Authors.all().orderBy(Authors.NAME.asc()).paginate(1).after(cursor[0])
          .collect(db).block().items()).extracting(Author::name).containsExactly("Bo");
    });
    runner.withPropertyValues("spring.r2dbc.url=r2dbc:h2:mem:///" + Backend.randomName(),
        "toasty.cursor-key=short").run(context -> assertThat(context).hasFailed()
            .getFailure().hasRootCauseInstanceOf(IllegalArgumentException.class)
            .hasStackTraceContaining("toasty.cursor-key"));
  }
}
