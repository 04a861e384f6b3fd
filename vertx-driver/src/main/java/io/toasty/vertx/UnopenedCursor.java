package io.toasty.vertx;

import io.vertx.mysqlclient.MySQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;

/**
 * A query read from a cursor that failed as it ran, on MariaDB or MySQL: the server answers the
 * execution with the columns and then the error, and vertx-mysql-client takes the columns for an
 * open cursor and drops the error, so the first fetch fails with 1421 ("The statement (n) has no
 * open cursor") instead of the query's own error (a division by zero's 1690:
 * MariaDbFidelityTest). Run once more without a cursor, the query fails with its own error (or,
 * should it succeed this time, gives its rows in one answer). Only before any row came: a query
 * has no effect to repeat, and a failed statement leaves a MariaDB transaction open and usable.
 */
final class UnopenedCursor {
  /** ER_STMT_HAS_NO_OPEN_CURSOR. */
  private static final int NO_OPEN_CURSOR = 1421;

  private UnopenedCursor() {}

  /** {@code cursor}'s rows, or {@code plain}'s when it fails as above before its first row. */
  static <T> Flux<T> retried(Flux<T> cursor, Supplier<Flux<T>> plain) {
    return Flux.defer(() -> {
      AtomicBoolean any = new AtomicBoolean();
      return cursor.doOnNext(row -> any.set(true))
          .onErrorResume(e -> !any.get() && refused(e), e -> plain.get());
    });
  }

  /** Whether {@code error} is the server's refusal to fetch from a cursor it never opened. */
  static boolean refused(Throwable error) {
    return error instanceof MySQLException m && m.getErrorCode() == NO_OPEN_CURSOR;
  }
}
