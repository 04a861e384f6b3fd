package io.toasty.r2dbc.pool;

import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.pool.AllocationStrategy;

/**
 * The pool's connection permits (at most {@code max} connections, none kept open on purpose),
 * where a permit returned twice is counted and logged instead of thrown.
 *
 * <p>Why: reactor-pool 1.2.6's own size-based strategy throws "Too many permits returned", and
 * reactor-pool can return one twice. {@code SimpleDequePool.maybeRecycleAndDrain} hands a
 * released connection back to the idle queue, completes the release, and then, if the pool was
 * disposed meanwhile, destroys that slot: by then another borrower may have taken it from the
 * queue and given it back, and the pool's disposal destroyed it already. With an embedded
 * database, whose work is synchronous, closing the {@code Db} right after its last statement hit
 * this in one run of three. The exception then aborted {@code disposeLater} half way, leaving the
 * idle connections after it open, and failed the {@code Db}'s close. (Thrown while the pool runs,
 * it stalls the pool: reactor/reactor-pool#255.) Clamped here, the pool never counts more free
 * permits than {@code max}, so it never opens more connections than that either.
 */
public final class PoolPermits implements AllocationStrategy {
  private static final Logger LOG = LoggerFactory.getLogger(PoolPermits.class);

  private final int max;
  private final AtomicInteger permits;
  private final AtomicInteger overReturned = new AtomicInteger();
  private volatile boolean closing;

  public PoolPermits(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("the pool's max size must be at least 1, not " + max);
    }
    this.max = max;
    this.permits = new AtomicInteger(max);
  }

  @Override
  public int getPermits(int desired) {
    if (desired <= 0) {
      return 0;
    }
    for (;;) {
      int p = permits.get();
      int granted = Math.min(desired, p);
      if (permits.compareAndSet(p, p - granted)) {
        return granted;
      }
    }
  }

  @Override
  public void returnPermits(int returned) {
    for (;;) {
      int p = permits.get();
      int next = Math.min(max, p + returned);
      if (permits.compareAndSet(p, next)) {
        if (next - p < returned) {
          overReturned(returned - (next - p));
        }
        return;
      }
    }
  }

  private void overReturned(int extra) {
    if (closing) {
      LOG.debug("{} permit(s) returned twice while the pool was being disposed", extra);
      return;
    }
    overReturned.addAndGet(extra);
    LOG.warn("{} connection permit(s) returned twice; the pool still opens at most {} "
        + "connections", extra, max);
  }

  /** The pool is being disposed: from now on a permit returned twice is expected. */
  public void closing() {
    closing = true;
  }

  /** Permits returned twice while the pool was in use (a release counted twice). */
  public int overReturned() {
    return overReturned.get();
  }

  @Override
  public int estimatePermitCount() {
    return permits.get();
  }

  @Override
  public int permitGranted() {
    return max - permits.get();
  }

  @Override
  public int permitMinimum() {
    return 0;
  }

  @Override
  public int permitMaximum() {
    return max;
  }
}
