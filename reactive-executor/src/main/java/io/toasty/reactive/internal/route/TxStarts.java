package io.toasty.reactive.internal.route;

import io.toasty.Feature;
import io.toasty.driver.Capability;
import io.toasty.driver.Operation;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.reactive.RetryPolicy;
import io.toasty.reactive.Tx;
import io.toasty.reactive.TxOptions;
import io.toasty.reactive.internal.gate.GatedDriver;
import io.toasty.reactive.internal.retry.Retries;
import io.toasty.reactive.internal.tx.TxDeadline;
import io.toasty.reactive.internal.tx.TxSession;
import java.time.Duration;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * How a {@code Db} starts a transaction outside one it has bound: a transaction function's
 * ({@code Db.transaction(TxOptions, Function)}), with the {@code Db}'s retries and timeout where
 * the options set none, or one to end by hand ({@code Db.begin(TxOptions)}).
 */
public final class TxStarts {
  private final Router router;
  private final GatedDriver driver;
  /** The retries of transaction functions whose options set none. */
  private final RetryPolicy retry;
  /** The timeout of transactions whose options set none, or null for none. */
  private final @Nullable Duration timeout;

  public TxStarts(Router router, GatedDriver driver, RetryPolicy retry,
      @Nullable Duration timeout) {
    this.router = router;
    this.driver = driver;
    this.retry = retry;
    this.timeout = timeout;
  }

  /** {@code work} in a transaction: the bound one's, a bound connection's, or its own. */
  public <T> Flux<T> transaction(TxOptions options,
      Function<? super Tx, ? extends Publisher<T>> work) {
    return Flux.deferContextual(context -> {
      Tx bound = router.boundIn(context);
      if (bound != null) {
        return router.join(bound, options, work);
      }
      if (!driver.capability().transactions()) {
        return Flux.error(unsupported());
      }
      if (!keeps(options)) {
        return Flux.error(isolationRefused(options));
      }
      return router.orBound(context, c -> Joined.transaction(router, c, options, work),
          () -> Retries.apply(router.retryPolicyOr(options, retry), Retries::forTransaction,
              TxSession.run(router, driver, options, router.counters(), session -> {
                Tx tx = router.top(session, false);
                return TxDeadline.apply(Flux.from(work.apply(tx))
                    .contextWrite(ctx -> ctx.put(Tx.CONTEXT_KEY, tx)),
                    options.timeoutLimit().orElse(timeout), driver.capability().backend());
              })));
    });
  }

  /** A transaction to end by hand, begun on a pooled connection of its own. */
  public Mono<Tx> begin(TxOptions options) {
    return Mono.defer(() -> {
      if (!driver.capability().transactions()) {
        return Mono.error(unsupported());
      }
      if (!keeps(options)) {
        return Mono.error(isolationRefused(options));
      }
      return driver.connect().flatMap(conn -> {
        TxSession session = new TxSession(router, conn, options, router.counters());
        Duration limit = options.timeoutLimit().orElse(timeout);
        return session.begin()
            .then(Mono.fromSupplier(() -> {
              if (limit != null) {
                session.expireAfter(limit);
              }
              return router.top(session, true);
            }))
            .onErrorResume(e -> session.end(TxSession.End.ROLLBACK, e).then(Mono.error(e)))
            .doOnCancel(() -> session.end(TxSession.End.CANCEL, null));
      });
    });
  }

  /** Whether the backend keeps the isolation level {@code options} ask for. */
  private boolean keeps(TxOptions options) {
    return options.isolationLevel()
        .map(i -> driver.capability().keepsIsolation(Operation.Transaction.Isolation.valueOf(
            i.name())))
        .orElse(true);
  }

  /**
   * The refusal of a level the backend would not keep: running it weaker than asked would let
   * a read-modify-write lose an update the caller believes isolated.
   */
  private UnsupportedFeatureException isolationRefused(TxOptions options) {
    Capability capability = driver.capability();
    return new UnsupportedFeatureException(Feature.ISOLATION_LEVEL, capability.backend(),
        options.isolationLevel().orElseThrow() + " (" + capability.backend() + " keeps up to "
        + capability.strongestIsolation() + "; guard a read-modify-write with @Version or an "
        + "update expression instead)");
  }

  private UnsupportedFeatureException unsupported() {
    return new UnsupportedFeatureException(Feature.INTERACTIVE_TRANSACTIONS,
        driver.capability().backend(), "statements that write several times still run "
        + "atomically when the backend can do so");
  }
}
