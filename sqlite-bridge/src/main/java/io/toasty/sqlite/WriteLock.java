package io.toasty.sqlite;

import io.r2dbc.spi.R2dbcTransientResourceException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Schedulers;

/**
 * A database's single write permit, handed out first come, first served without blocking a
 * thread. A read-write transaction holds it from BEGIN to COMMIT or ROLLBACK, a write outside a
 * transaction for its one statement; so the connections of one process never meet SQLite's
 * {@code SQLITE_BUSY} among themselves.
 */
final class WriteLock {
  /** Vendor code of the error when the wait times out: SQLITE_BUSY. */
  static final int SQLITE_BUSY = 5;

  private final ArrayDeque<Permit> waiting = new ArrayDeque<>();
  private @Nullable Permit holder; // guarded by this

  /**
   * The permit, once every earlier holder has released it; an
   * {@link R2dbcTransientResourceException} after {@code timeout}. Cancelling the wait gives up
   * the place in the queue (or the permit, when it was granted in the meantime).
   */
  Mono<Permit> acquire(Duration timeout) {
    return Mono.create(sink -> {
      Permit permit = new Permit(sink);
      sink.onCancel(() -> abandon(permit));
      boolean now;
      synchronized (this) {
        if (permit.abandoned) {
          return; // cancelled before it queued (Mono.create may cancel before this runs)
        }
        now = holder == null;
        if (now) {
          holder = permit;
        } else {
          waiting.add(permit);
        }
      }
      if (now) {
        sink.success(permit);
        return;
      }
      permit.timer = Schedulers.parallel().schedule(() -> expire(permit, timeout),
          timeout.toNanos(), TimeUnit.NANOSECONDS);
    });
  }

  private void expire(Permit permit, Duration timeout) {
    synchronized (this) {
      if (!waiting.remove(permit)) {
        return;
      }
    }
    permit.sink.error(new R2dbcTransientResourceException("database is locked: waited "
        + timeout.toMillis() + " ms (busyTimeout) for another connection's write transaction to "
        + "end", "HYT00", SQLITE_BUSY));
  }

  private void abandon(Permit permit) {
    synchronized (this) {
      permit.abandoned = true;
      if (waiting.remove(permit)) {
        permit.cancelTimer();
        return;
      }
    }
    release(permit); // granted, but the grant was not received
  }

  private void release(Permit permit) {
    Permit next;
    synchronized (this) {
      if (holder != permit) {
        return;
      }
      next = waiting.poll();
      holder = next;
    }
    if (next != null) {
      next.cancelTimer();
      next.sink.success(next);
    }
  }

  /** One grant of the permit; {@link #release()} gives it back, once. */
  final class Permit {
    private final MonoSink<Permit> sink;
    private volatile @Nullable Disposable timer;
    private boolean abandoned; // guarded by the lock

    private Permit(MonoSink<Permit> sink) {
      this.sink = sink;
    }

    /** Gives the permit back; does nothing when it is not (or no longer) held. */
    void release() {
      WriteLock.this.release(this);
    }

    private void cancelTimer() {
      Disposable t = timer;
      if (t != null) {
        t.dispose();
      }
    }
  }
}
