package io.toasty.reactive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.toasty.driver.Capability;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code db.health()}: one round trip, released connection, DOWN as a value. */
class HealthTest {

  @Test
  void sqlBackendsSendSelectOne() {
    Dbs t = new Dbs(Capability.H2);
    t.driver.respond(op -> op instanceof Operation.RawSql
        ? Mono.just(new ExecResponse.Rows(Flux.empty())) : null);
    Health h = t.db.health().block();
    assertEquals(Health.Status.UP, h.status());
    assertEquals("h2", h.backend());
    assertNull(h.error());
    Operation.RawSql sql = assertInstanceOf(Operation.RawSql.class, t.driver.log.get(0));
    assertEquals(List.of("SELECT 1"), sql.text());
    assertEquals(1, t.driver.log.size());
    assertEquals(t.driver.connects.get(), t.driver.closes.get());
  }

  @Test
  void keyValueBackendsScanTheFirstTable() {
    Dbs t = new Dbs(Capability.DYNAMODB);
    Health h = t.db.health().block();
    assertEquals(Health.Status.UP, h.status());
    assertInstanceOf(Operation.Scan.class, t.driver.log.get(0));
    assertEquals(1, t.driver.log.size());
  }

  @Test
  void aFailedRoundTripIsDownWithItsError() {
    Dbs t = new Dbs(Capability.H2);
    IllegalStateException boom = new IllegalStateException("connection refused");
    t.driver.respond(op -> Mono.error(boom));
    Health h = t.db.health().block();
    assertEquals(Health.Status.DOWN, h.status());
    assertSame(boom, h.error());
    assertEquals(t.driver.connects.get(), t.driver.closes.get());
  }

  @Test
  void upCarriesNoErrorAndDownOne() {
    assertThrows(IllegalArgumentException.class,
        () -> new Health(Health.Status.DOWN, Duration.ZERO, "h2", null, null));
    assertThrows(IllegalArgumentException.class,
        () -> new Health(Health.Status.UP, Duration.ZERO, "h2", null, new RuntimeException()));
  }
}
