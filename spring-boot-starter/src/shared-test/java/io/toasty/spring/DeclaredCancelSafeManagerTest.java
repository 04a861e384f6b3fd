package io.toasty.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.r2dbc.spi.ConnectionFactory;
import io.toasty.reactive.Db;
import io.toasty.spring.app.Authors;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.transaction.ReactiveTransactionManager;

/**
 * An application that declares its own manager as {@link CancelSafeTransactionManager}'s
 * Javadoc shows: the starter keeps it (no second manager), queues the wrapped
 * {@code R2dbcTransactionManager}'s connections at the {@code Db}'s gate, and its
 * {@code @Transactional} methods roll back on a checked exception as the {@code Db}'s do.
 */
class DeclaredCancelSafeManagerTest {

  @Test
  void theStarterQueuesAndRollsBackTheDeclaredManagersTransactions() {
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class).run(
        "--spring.r2dbc.url=r2dbc:h2:mem:///" + Backend.randomName()
            + "?options=DB_CLOSE_DELAY=-1",
        "--toasty.schema=push", "--spring.main.web-application-type=none")) {
      ReactiveTransactionManager manager = context.getBean(ReactiveTransactionManager.class);
      assertThat(manager).isSameAs(context.getBean("transactionManager"));
      assertThat(((R2dbcTransactionManager) ((CancelSafeTransactionManager) manager).manager())
          .getConnectionFactory()).isInstanceOf(QueuedConnectionFactory.class);
      String email = "declared@example.com";
      assertThatThrownBy(() -> context.getBean(RollbackScopeTest.Service.class).toastyFails(email).block())
          .hasRootCauseInstanceOf(IOException.class);
      assertThat(Authors.filterByEmail(email).stream(context.getBean(Db.class)).count().block())
          .isZero();
    }
  }

  /** Declares its manager, wrapped. */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {
    @Bean
    ReactiveTransactionManager transactionManager(ConnectionFactory factory) {
      return new CancelSafeTransactionManager(new R2dbcTransactionManager(factory));
    }

    /** Its {@code toastyFails} writes, then fails with a checked exception. */
    @Bean
    RollbackScopeTest.Service service(Db db) {
      return new RollbackScopeTest.Service(db);
    }
  }
}
