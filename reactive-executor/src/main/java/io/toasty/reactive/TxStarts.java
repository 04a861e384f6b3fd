package io.toasty.reactive;

import io.toasty.Feature;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.reactive.internal.gate.GatedDriver;
import java.time.Duration;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * How a {@link Db} starts a transaction outside one it has bound: a transaction function's
 * ({@link Db#transaction(TxOptions, Function)}), with the {@code Db}'s retries and timeout where
 * the options set none, or one to end by hand ({@link Db#begin(TxOptions)}).
 */
final class TxStarts {
  private final Db db;
  private final GatedDriver driver;
  private final TxCounters counters;
  /** The retries of transaction functions whose options set none. */
  private final RetryPolicy retry;
  /** The timeout of transactions whose options set none, or null for none. */
  private final Duration timeout;

  TxStarts(Db db, GatedDriver driver, TxCounters counters, RetryPolicy retry,
      Duration timeout) {
    this.db = db;
    this.driver = driver;
    this.counters = counters;
    this.retry = retry;
    this.timeout = timeout;
  }

  /** {@code work} in a transaction: the bound one's, a bound connection's, or its own. */
  <T> Flux<T> transaction(TxOptions options, Function<? super Tx, ? extends Publisher<T>> work) {
    return Flux.deferContextual(context -> {
      Tx bound = Tx.boundIn(context, db);
      if (bound != null) {
        return bound.join(options, work);
      }
      if (!driver.capability().transactions()) {
        return Flux.error(unsupported());
      }
      return db.orBound(context, c -> Joined.transaction(db, c, counters, options, work),
          () -> Retries.apply(options.retryPolicyOr(retry), Retries::forTransaction,
              TxSession.run(db, driver, options, counters, session -> {
                Tx tx = Tx.top(session, false);
                return TxDeadline.apply(Flux.from(work.apply(tx))
                    .contextWrite(ctx -> ctx.put(Tx.CONTEXT_KEY, tx)),
                    options.timeoutLimit().orElse(timeout), driver.capability().backend());
              })));
    });
  }

  /** A transaction to end by hand, begun on a pooled connection of its own. */
  Mono<Tx> begin(TxOptions options) {
    return Mono.defer(() -> {
      if (!driver.capability().transactions()) {
        return Mono.error(unsupported());
      }
      return driver.connect().flatMap(conn -> {
        TxSession session = new TxSession(db, conn, options, counters);
        Duration limit = options.timeoutLimit().orElse(timeout);
        return session.begin()
            .then(Mono.fromSupplier(() -> {
              if (limit != null) {
                session.expireAfter(limit);
              }
              return Tx.top(session, true);
            }))
            .onErrorResume(e -> session.end(TxSession.End.ROLLBACK, e).then(Mono.error(e)))
            .doOnCancel(() -> session.end(TxSession.End.CANCEL, null));
      });
    });
  }

  private UnsupportedFeatureException unsupported() {
    return new UnsupportedFeatureException(Feature.INTERACTIVE_TRANSACTIONS,
        driver.capability().backend(), "statements that write several times still run "
        + "atomically when the backend can do so");
  }
}
