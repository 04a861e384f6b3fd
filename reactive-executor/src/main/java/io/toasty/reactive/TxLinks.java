package io.toasty.reactive;

import io.toasty.planner.cardinality.CardinalityGuard;
import io.toasty.reactive.internal.route.Router;
import io.toasty.reactive.internal.route.TxLink;
import io.toasty.reactive.internal.tx.TxSession;
import io.toasty.stmt.StatementNode;
import io.toasty.value.Value;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.util.context.ContextView;

/** One {@code Db}'s {@link Tx}s as its {@link Router} reaches them, through this package. */
final class TxLinks implements TxLink {
  private final Router router;

  TxLinks(Router router) {
    this.router = router;
  }

  @Override
  public Tx top(TxSession session, boolean manual) {
    return Tx.top(router, session, manual);
  }

  @Override
  public @Nullable Tx boundIn(ContextView context) {
    return Tx.boundIn(context, router);
  }

  @Override
  public <T> Flux<T> join(Tx tx, TxOptions options,
      Function<? super Tx, ? extends Publisher<T>> work) {
    return tx.join(options, work);
  }

  @Override
  public RetryPolicy retryPolicyOr(TxOptions options, RetryPolicy fallback) {
    return options.retryPolicyOr(fallback);
  }

  @Override
  public Flux<Value> hooked(Tx tx, StatementNode statement) {
    return tx.hooked(statement);
  }

  @Override
  public Flux<Value> checked(Tx tx, StatementNode statement, List<CardinalityGuard> guards) {
    return tx.checked(statement, guards);
  }
}
