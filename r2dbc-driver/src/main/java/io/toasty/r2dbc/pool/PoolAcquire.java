package io.toasty.r2dbc.pool;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.toasty.driver.internal.HandOver;
import io.toasty.error.ConnectionLostException;
import io.toasty.error.PoolTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;

/**
 * How both SQL drivers take a connection, from Toasty's own pool ({@code R2dbcDriver}) or from an
 * application's ({@code FactoryDriver}), so that both give the same guarantees:
 *
 * <ul>
 *   <li>the wait ends at the acquire timeout, sharing the engine's
 *       {@link io.toasty.driver.AcquireDeadline} (the time spent waiting for the engine's permit
 *       counts), with a transient {@link PoolTimeoutException}; the pool's own acquire timeout,
 *       when it fires first, is the same error;
 *   <li>a connection that failed the pool's validation is asked for again, up to the pool's
 *       size (a pool holds at most that many dead ones, as after a server restart): nothing was
 *       sent on it, so asking again is safe for any statement; the last failure is a transient
 *       {@link ConnectionLostException}.
 * </ul>
 *
 * @param backend   the backend named in errors
 * @param limit     the acquire timeout where the Context carries no deadline
 * @param retries   how many failed validations are asked again (the pool's size; 0 without a
 *                  pool)
 * @param late      what becomes of a connection delivered after the wait gave up: its pool
 *                  reference given back for r2dbc-pool's ({@link LateRelease}), a close for a
 *                  factory's own
 * @param translate every other acquire error as Toasty's
 */
public record PoolAcquire(String backend, Duration limit, int retries, Consumer<Connection> late,
    Function<Throwable, Throwable> translate) {
  private static final Pattern POOL_TIMEOUT =
      Pattern.compile("^Connection acquisition timed out after (\\d+)ms");

  /**
   * A connection from {@code create}, which asks the pool once per call, wrapped by
   * {@code wrap} ({@link Acquisition}).
   * (Validation failures are asked again on the error path only: an operator between the
   * hand-over and the borrower that could swallow a connection would break
   * {@link HandOver}'s cancel guarantees.)
   */
  public <T> Mono<T> from(Supplier<Mono<? extends Connection>> create, Function<Connection, T> wrap) {
    return new Acquisition<>(this, create, wrap);
  }

  /**
   * The pool's own acquire timeout as a transient {@link PoolTimeoutException} (how long it
   * waited read from its message); a failed validation as a transient
   * {@link ConnectionLostException}; anything else translated.
   */
  Throwable failure(Throwable e) {
    if (e instanceof PoolTimeoutException) {
      return e;
    }
    if (e instanceof R2dbcTimeoutException && e.getCause() instanceof TimeoutException) {
      Matcher m = POOL_TIMEOUT.matcher(String.valueOf(e.getMessage()));
      if (m.find()) {
        return new PoolTimeoutException(backend, Duration.ofMillis(Long.parseLong(m.group(1))),
            e);
      }
    }
    if (failedValidation(e)) {
      return new ConnectionLostException(backend, null, "a pooled connection failed "
          + "validation (the pool discards it)", e, true);
    }
    return translate.apply(e);
  }

  /**
   * Whether the pool gave up on a connection whose validation failed or took too long
   * (r2dbc-pool's messages).
   */
  static boolean failedValidation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      if (message.startsWith("Connection validation failed")
          || message.startsWith("Validation timed out")) {
        return true;
      }
    }
    return false;
  }
}
