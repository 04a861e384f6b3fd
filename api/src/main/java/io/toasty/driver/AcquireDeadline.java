package io.toasty.driver;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * One acquire timeout for the whole way to a pooled connection, carried in the Reactor
 * {@link Context} from the engine to the driver. The engine starts it when a statement begins
 * to wait for a permit of its connection gate; the driver's own wait for the pool gets only what
 * is left ({@link #remaining()}), so the two waits together stay within the limit instead of
 * each taking it in full.
 *
 * <p>Time is read from Reactor's clock ({@code Schedulers.parallel().now(..)}), the clock of
 * the timers that enforce it, so that virtual-time tests see it move; what is left is never more
 * than the whole limit, even if the wall clock steps back.
 *
 * @param limit         the acquire timeout in all
 * @param startedMillis when the wait began, on Reactor's clock
 */
public record AcquireDeadline(Duration limit, long startedMillis) {
  /** The Context key the engine writes and drivers read. */
  public static final Object CONTEXT_KEY = AcquireDeadline.class;

  public AcquireDeadline {
    Objects.requireNonNull(limit, "limit");
  }

  /** A deadline of {@code limit} from now. */
  public static AcquireDeadline startingNow(Duration limit) {
    return new AcquireDeadline(limit, now());
  }

  /**
   * The deadline in {@code context}, else one of {@code limit} starting now (a driver used
   * without the engine's gate).
   */
  public static AcquireDeadline of(ContextView context, Duration limit) {
    AcquireDeadline d = context.getOrDefault(CONTEXT_KEY, null);
    return d != null ? d : startingNow(limit);
  }

  /** {@code context} carrying this deadline. */
  public Context into(Context context) {
    return context.put(CONTEXT_KEY, this);
  }

  /** The time left: between zero and the whole limit. */
  public Duration remaining() {
    long waited = Math.max(0, now() - startedMillis);
    Duration left = limit.minusMillis(waited);
    return left.isNegative() ? Duration.ZERO : left;
  }

  private static long now() {
    return Schedulers.parallel().now(TimeUnit.MILLISECONDS);
  }
}
