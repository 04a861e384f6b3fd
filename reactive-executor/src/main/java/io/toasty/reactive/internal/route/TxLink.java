package io.toasty.reactive.internal.route;

import io.toasty.planner.cardinality.CardinalityGuard;
import io.toasty.reactive.RetryPolicy;
import io.toasty.reactive.Tx;
import io.toasty.reactive.TxOptions;
import io.toasty.reactive.internal.tx.TxSession;
import io.toasty.stmt.StatementNode;
import io.toasty.value.Value;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.util.context.ContextView;

/**
 * The {@link Router}'s way into one {@code Db}'s {@link Tx}s, whose constructor and joining
 * steps are not public: made by the {@code Db}'s own package, so that the user's {@code Tx}
 * shows no internal method.
 */
public interface TxLink {
  /** The top-level {@link Tx} of {@code session}; a manual one is rolled back if dropped. */
  Tx top(TxSession session, boolean manual);

  /** The {@code Db}'s {@link Tx} bound in {@code context}, or null. */
  @Nullable Tx boundIn(ContextView context);

  /** {@code work} nested in {@code tx}, if {@code options} allow. */
  <T> Flux<T> join(Tx tx, TxOptions options, Function<? super Tx, ? extends Publisher<T>> work);

  /** The retries {@code options} set, else {@code fallback}. */
  RetryPolicy retryPolicyOr(TxOptions options, RetryPolicy fallback);

  /** {@code statement} in {@code tx} itself (no savepoint), its models' hooks around it. */
  Flux<Value> hooked(Tx tx, StatementNode statement);

  /** {@code statement} in {@code tx}, with the relation limits {@code guards} it writes checked. */
  Flux<Value> checked(Tx tx, StatementNode statement, List<CardinalityGuard> guards);
}
