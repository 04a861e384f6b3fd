package io.toasty.sqlite;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.r2dbc.spi.R2dbcTransientResourceException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Mono;

class WriteLockTest {
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final Duration SHORT = Duration.ofMillis(200);

  private final WriteLock lock = new WriteLock();

  @Test
  void permitsGoToWaitersInArrivalOrder() {
    WriteLock.Permit first = lock.acquire(WAIT).block(WAIT);
    Mono<WriteLock.Permit> second = lock.acquire(WAIT).cache();
    second.subscribe();
    assertThrows(R2dbcTransientResourceException.class, () -> lock.acquire(SHORT).block(WAIT));
    first.release();
    second.block(WAIT).release();
    lock.acquire(SHORT).block(WAIT).release();
  }

  @Test
  void aWaitCancelledBeforeItQueuedNeverTakesThePermit() {
    WriteLock.Permit holder = lock.acquire(WAIT).block(WAIT);
    // Mono.create hands the subscriber its subscription before it runs the lock's callback, so
    // a subscriber that cancels in onSubscribe cancels before the wait is queued: the race of a
    // cancel against a subscription on another thread, made certain.
    lock.acquire(WAIT).subscribe(new BaseSubscriber<>() {
      @Override
      protected void hookOnSubscribe(Subscription s) {
        cancel();
      }
    });
    holder.release();
    WriteLock.Permit next = lock.acquire(SHORT).block(WAIT);
    next.release();
  }

  @Test
  void aWaitCancelledWhileQueuedGivesUpItsPlace() {
    WriteLock.Permit holder = lock.acquire(WAIT).block(WAIT);
    lock.acquire(WAIT).subscribe().dispose();
    holder.release();
    lock.acquire(SHORT).block(WAIT).release();
  }
}
