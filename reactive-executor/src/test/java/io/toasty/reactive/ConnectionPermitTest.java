package io.toasty.reactive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.toasty.error.PoolTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * {@link Db#connectionPermit()}: a connection someone else takes from the Db's pool waits its
 * turn at the same gate as the Db's own statements, first come first served, on a pool of one.
 */
class ConnectionPermitTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private final OneConnectionPool pool = new OneConnectionPool(q -> Mono.empty());

  private Db db(Duration acquireTimeout) {
    return Toasty.builder().models(Models.USERS, Models.TODOS).acquireTimeout(acquireTimeout)
        .driverFactory(config -> pool).build();
  }

  @Test
  void aPermitAskedAfterWaitingStatementsIsGrantedAfterThem() {
    Db db = db(WAIT);
    ConnectionPermit held = db.connectionPermit().block(WAIT);
    List<String> order = new CopyOnWriteArrayList<>();
    Disposable first = db.schema().withConnection(c -> Mono.fromRunnable(() -> order.add("a")))
        .subscribe();
    Disposable second = db.schema().withConnection(c -> Mono.fromRunnable(() -> order.add("b")))
        .subscribe();
    Mono<Void> permitted = db.connectionPermit()
        .doOnNext(p -> order.add("permit"))
        .doOnNext(ConnectionPermit::release).then().cache();
    permitted.subscribe();
    Disposable third = db.schema().withConnection(c -> Mono.fromRunnable(() -> order.add("c")))
        .subscribe();
    assertEquals(4, db.poolState().orElseThrow().pending());
    held.release();
    permitted.block(WAIT);
    Mono.fromSupplier(order::size).filter(n -> n == 4)
        .repeatWhenEmpty(r -> r.delayElements(Duration.ofMillis(1))).block(WAIT);
    assertEquals(List.of("a", "b", "permit", "c"), order);
    assertEquals(0, pool.out.get());
    first.dispose();
    second.dispose();
    third.dispose();
  }

  @Test
  void aPermitWaitsAtMostTheAcquireTimeout() {
    Db db = db(Duration.ofMillis(50));
    ConnectionPermit held = db.connectionPermit().block(WAIT);
    assertThrows(PoolTimeoutException.class, () -> db.connectionPermit().block(WAIT));
    assertEquals(0, db.poolState().orElseThrow().pending());
    held.release();
    db.connectionPermit().block(WAIT).release();
  }

  @Test
  void aCancelledWaitLeavesTheQueueAndAReleaseCountsOnce() {
    Db db = db(WAIT);
    ConnectionPermit held = db.connectionPermit().block(WAIT);
    Disposable waiting = db.connectionPermit().subscribe();
    assertEquals(1, db.poolState().orElseThrow().pending());
    waiting.dispose();
    assertEquals(0, db.poolState().orElseThrow().pending());
    held.release();
    held.release(); // once: the gate still has one permit, not two
    ConnectionPermit again = db.connectionPermit().block(WAIT);
    Disposable behind = db.connectionPermit().subscribe();
    assertEquals(1, db.poolState().orElseThrow().pending());
    behind.dispose();
    again.release();
  }
}
