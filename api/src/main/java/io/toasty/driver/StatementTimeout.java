package io.toasty.driver;

import io.toasty.error.QueryTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * How long the next statement may run, carried in the Reactor {@link Context} from the engine to
 * the driver: a limit per statement ({@code db.timeout(..)}) and a deadline of the enclosing
 * transaction ({@code TxOptions.timeout(..)}), either or both. A driver reads it in
 * {@link Connection#exec} through {@link #remaining(ContextView, Duration)} and has the database stop the
 * statement at that limit; without one in the Context the driver's own default applies
 * ({@link DriverConfig#statementTimeout()}).
 *
 * @param limit          the limit of each statement, or null for the driver's default
 * @param deadlineNanos  the {@link System#nanoTime()} by which every statement must end, or
 *                       {@code Long.MAX_VALUE} for none
 */
public record StatementTimeout(@Nullable Duration limit, long deadlineNanos) {
  /** The Context key the engine writes and drivers read. */
  public static final Object CONTEXT_KEY = StatementTimeout.class;

  public StatementTimeout {
    if (limit != null && (limit.isNegative() || limit.isZero())) {
      throw new IllegalArgumentException("a statement timeout must be positive, was " + limit);
    }
  }

  /** {@code context} with each statement limited to {@code limit} (a deadline stays). */
  public static Context withLimit(Context context, Duration limit) {
    Objects.requireNonNull(limit, "limit");
    StatementTimeout now = context.getOrDefault(CONTEXT_KEY, null);
    long deadline = now == null ? Long.MAX_VALUE : now.deadlineNanos;
    return context.put(CONTEXT_KEY, new StatementTimeout(limit, deadline));
  }

  /** {@code context} with every statement ending by {@code deadlineNanos} (the earlier wins). */
  public static Context withDeadline(Context context, long deadlineNanos) {
    StatementTimeout now = context.getOrDefault(CONTEXT_KEY, null);
    if (now == null) {
      return context.put(CONTEXT_KEY, new StatementTimeout(null, deadlineNanos));
    }
    long earlier = now.deadlineNanos - deadlineNanos < 0 ? now.deadlineNanos : deadlineNanos;
    return context.put(CONTEXT_KEY, new StatementTimeout(now.limit, earlier));
  }

  /**
   * The limit of a statement starting now: the smaller of the statement's limit ({@code
   * fallback}, the driver's default, when the Context sets none) and the time left before the
   * deadline. Empty when there is no limit at all. Zero or negative when the deadline has
   * passed: the driver then sends nothing and fails with {@link #expired}.
   */
  public static Optional<Duration> remaining(ContextView context, @Nullable Duration fallback) {
    StatementTimeout t = context.getOrDefault(CONTEXT_KEY, null);
    if (t == null) {
      return Optional.ofNullable(fallback);
    }
    Duration limit = t.limit != null ? t.limit : fallback;
    if (t.deadlineNanos == Long.MAX_VALUE) {
      return Optional.ofNullable(limit);
    }
    Duration left = Duration.ofNanos(t.deadlineNanos - System.nanoTime());
    return Optional.of(limit == null || left.compareTo(limit) < 0 ? left : limit);
  }

  /** The error of a statement whose transaction's deadline passed before it was sent. */
  public static QueryTimeoutException expired(String backend) {
    return new QueryTimeoutException(backend, null, "the transaction's timeout passed before "
        + "this statement was sent; nothing of it reached the database", null);
  }
}
