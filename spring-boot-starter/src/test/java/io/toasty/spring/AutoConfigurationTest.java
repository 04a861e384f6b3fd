package io.toasty.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import io.toasty.reactive.Db;
import io.toasty.spring.app.Authors;
import io.toasty.spring.app.Labels;
import io.toasty.spring.app.Author;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.r2dbc.R2dbcAutoConfiguration;
import org.springframework.boot.autoconfigure.r2dbc.R2dbcTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The Db bean from spring.r2dbc.*, from toasty.url and from the application's own factory. */
class AutoConfigurationTest {
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(R2dbcAutoConfiguration.class,
          R2dbcTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
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
