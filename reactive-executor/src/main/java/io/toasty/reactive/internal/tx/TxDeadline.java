package io.toasty.reactive.internal.tx;

import io.toasty.driver.StatementTimeout;
import io.toasty.error.QueryTimeoutException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A transaction's overall timeout. From the moment its work is subscribed, every statement it
 * sends carries the time left ({@link StatementTimeout#withDeadline}), so the database stops a
 * statement still running at the deadline; and the work fails with a
 * {@link QueryTimeoutException} at the deadline even between statements (the transaction's
 * function waiting on something else), which rolls the transaction back like any error.
 */
public final class TxDeadline {
  private TxDeadline() {}

  /** {@code work} ending by {@code limit} from its subscription; as it is without a limit. */
  public static <T> Flux<T> apply(Flux<T> work, @Nullable Duration limit,
      String backend) {
    if (limit == null) {
      return work;
    }
    return Flux.defer(() -> {
      long deadline = System.nanoTime() + limit.toNanos();
      Mono<Long> end = Mono.defer(() -> Mono.delay(
          Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))));
      return work
          .contextWrite(c -> StatementTimeout.withDeadline(c, deadline))
          .timeout(end, item -> end, Flux.error(() -> new QueryTimeoutException(backend, null,
              "the transaction did not finish within its timeout of " + limit.toMillis()
              + " ms; it is rolled back", null)));
    });
  }
}
