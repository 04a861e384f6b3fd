package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.driver.PoolState;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.reactive.Db;
import io.toasty.reactive.Health;
import io.toasty.tck.BackendContext;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.OperationLog;
import io.toasty.tck.Tck;
import io.toasty.tck.models.Credentials;

/**
 * {@code db.health()}: one round trip (one operation reaches the driver) and the pool's gauges;
 * DOWN with the error, as a value and never as a failed signal, when the round trip fails.
 */
@Models(Credentials.class)
public abstract class HealthScenarios {

  @BackendTest
  public void aReachableDatabaseIsUpAfterOneRoundTrip(Db db, OperationLog log) {
    Health h = await(db.health());
    assertEquals(Health.Status.UP, h.status(), () -> String.valueOf(h.error()));
    assertTrue(h.up());
    assertNull(h.error());
    assertEquals(db.capability().backend(), h.backend());
    assertFalse(h.latency().isNegative());
    Tck.assertOperations(1, log);
    assertEquals(db.poolState().isPresent(), h.poolState().isPresent());
    h.poolState().ifPresent(p -> {
      assertTrue(p.maxSize() >= 1, p::toString);
      assertEquals(0, p.acquired(), p::toString);
      assertEquals(0, p.pending(), p::toString);
    });
  }

  @BackendTest
  public void healthWhileAConnectionIsHeldCountsIt(Db db) {
    await(db.transactionMono(tx -> db.health()).onErrorResume(
        UnsupportedFeatureException.class, e -> db.health()).map(h -> {
          assertTrue(h.up(), () -> String.valueOf(h.error()));
          // inside a transaction its connection is out of the pool, the health check's is back
          h.poolState().ifPresent(p -> assertEquals(db.capability().interactiveTransactions()
              ? 1 : 0, p.acquired(), p::toString));
          return h;
        }));
    Health after = await(db.health());
    assertTrue(after.poolState().map(PoolState::quiet).orElse(true), after::toString);
  }

  @BackendTest
  public void aClosedDbIsDownWithTheError(Db unused, BackendContext context) {
    Db db = context.open().db();
    await(db.close());
    Health h = await(db.health());
    assertEquals(Health.Status.DOWN, h.status());
    assertFalse(h.up());
    assertNotNull(h.error());
  }
}
