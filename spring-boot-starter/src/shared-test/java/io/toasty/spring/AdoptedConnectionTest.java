package io.toasty.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.toasty.error.DriverException;
import io.toasty.r2dbc.AdoptedConnection;
import io.toasty.r2dbc.FactoryDriver;
import io.toasty.r2dbc.R2dbcDrivers;
import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import io.toasty.spring.app.Labels;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The hook under the Spring integration, without Spring: a Db whose ConnectionBinding lends it a
 * connection in the owner's transaction runs there, never closes it, and after the owner's
 * seal() refuses to send anything more.
 */
class AdoptedConnectionTest {
  private final ConnectionFactory factory = ConnectionFactories.get(
      "r2dbc:h2:mem:///" + Backend.randomName() + "?options=DB_CLOSE_DELAY=-1");
  private final AtomicReference<FactoryDriver> driver = new AtomicReference<>();
  private Db plain;
  private Connection owned;
  private AdoptedConnection adopted;
  private Db lent;

  @BeforeEach
  void open() {
    plain = Toasty.builder().models(Labels.MODEL).driverFactory(config -> {
      driver.set(R2dbcDrivers.onConnectionFactory(factory, config));
      return driver.get();
    }).build();
    plain.schema().push().block();
    owned = Mono.from(factory.create()).block();
    Mono.from(owned.beginTransaction()).block();
    adopted = driver.get().adopt(owned);
    lent = Toasty.builder().models(Labels.MODEL).driverFactory(config -> driver.get())
        .connectionBinding(context -> Mono.just(adopted)).build();
  }

  @AfterEach
  void close() {
    Mono.from(owned.close()).block();
  }

  @Test
  void statementsRunInTheOwnersTransaction() {
    Labels.create().text("red").exec(lent).block();
    assertThat(Labels.all().stream(lent).count().block()).isEqualTo(1L);
    assertThat(Labels.all().stream(plain).count().block()).isZero(); // not committed
    Mono.from(owned.rollbackTransaction()).block();
    assertThat(Labels.all().stream(plain).count().block()).isZero();
  }

  @Test
  void theOwnersCommitCommitsThem() {
    Labels.create().text("red").exec(lent).block();
    adopted.seal().block();
    Mono.from(owned.commitTransaction()).block();
    assertThat(Labels.all().stream(plain).count().block()).isEqualTo(1L);
  }

  @Test
  void afterSealNothingIsSent() {
    Labels.create().text("red").exec(lent).block();
    adopted.seal().block();
    assertThatThrownBy(() -> Labels.create().text("late").exec(lent).block())
        .isInstanceOf(DriverException.class).hasMessageContaining("has ended");
    Mono.from(owned.rollbackTransaction()).block();
    assertThat(Labels.all().stream(plain).count().block()).isZero();
  }

  @Test
  void aToastyTransactionInsideIsASavepoint() {
    Labels.create().text("kept").exec(lent).block();
    assertThatThrownBy(() -> lent.transactionMono(tx -> Labels.create().text("undone").exec(tx)
        .then(Mono.<Void>error(new IllegalStateException("inner")))).block())
        .hasMessageContaining("inner");
    assertThat(Labels.all().stream(lent).map(l -> l.text()).collectList().block())
        .containsExactly("kept");
  }
}
