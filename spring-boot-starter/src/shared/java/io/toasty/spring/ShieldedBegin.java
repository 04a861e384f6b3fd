package io.toasty.spring;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.ReactiveTransaction;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * A transaction's begin that a subscriber who leaves cannot cut in the middle. Until a
 * connection is handed over ({@link BeginTicket}), a cancel stops the begin, which leaves the
 * gate's queue or closes the connection that comes. After it, the begin runs to its end and the
 * transaction it began is rolled back, with the leaving subscriber's Reactor context, which
 * holds Spring's transaction context: the rollback ends the transaction, unbinds it and closes
 * its connection.
 *
 * <p>Why: a cancel reaching Spring's {@code getReactiveTransaction} after BEGIN left a begun
 * transaction to nobody, its connection out of the pool for good (spring-framework#32115,
 * {@code TransactionQueueContract#transactionsCancelledWhileTheyBeginGiveTheirConnectionBack}),
 * and a cancel while BEGIN was unanswered made the driver skip the ROLLBACK.
 *
 * <p>The transaction goes to the subscriber with nothing between this and it that could drop
 * it: {@code usingWhen}, which Spring's {@code TransactionalOperator} and
 * {@code @Transactional} use, then owns it, and ends it on cancel.
 */
final class ShieldedBegin extends Mono<ReactiveTransaction> {
  private static final Logger LOG = LoggerFactory.getLogger(ShieldedBegin.class);
  private final Mono<ReactiveTransaction> begin;
  private final Function<ReactiveTransaction, Mono<Void>> rollback;

  /**
   * @param begin the manager's begin
   * @param rollback rolls back a transaction the subscriber left
   */
  ShieldedBegin(Mono<ReactiveTransaction> begin,
      Function<ReactiveTransaction, Mono<Void>> rollback) {
    this.begin = begin;
    this.rollback = rollback;
  }

  @Override
  public void subscribe(CoreSubscriber<? super ReactiveTransaction> actual) {
    Hand hand = new Hand(actual, rollback);
    actual.onSubscribe(hand);
    begin.contextWrite(c -> c.put(BeginTicket.class, hand.ticket)).subscribe(hand);
  }

  /** Between the begin and the subscriber: holds the transaction until it is asked for. */
  private static final class Hand implements CoreSubscriber<ReactiveTransaction>, Subscription {
    private static final int OPEN = 0;
    private static final int DONE = 1;
    private static final int LEFT = 2;
    private final CoreSubscriber<? super ReactiveTransaction> actual;
    private final Function<ReactiveTransaction, Mono<Void>> rollback;
    private final BeginTicket ticket = new BeginTicket();
    private final AtomicInteger state = new AtomicInteger(OPEN);
    private final AtomicReference<Subscription> upstream = new AtomicReference<>();
    private final AtomicBoolean rolledBack = new AtomicBoolean();
    private volatile @Nullable ReactiveTransaction value;
    private volatile boolean requested;

    Hand(CoreSubscriber<? super ReactiveTransaction> actual,
        Function<ReactiveTransaction, Mono<Void>> rollback) {
      this.actual = actual;
      this.rollback = rollback;
    }

    @Override
    public Context currentContext() {
      return actual.currentContext();
    }

    @Override
    public void onSubscribe(Subscription s) {
      if (upstream.compareAndSet(null, s)) {
        s.request(Long.MAX_VALUE);
      } else {
        s.cancel();
      }
    }

    @Override
    public void onNext(ReactiveTransaction transaction) {
      value = transaction;
      deliver();
      if (state.get() == LEFT) {
        rollBack(transaction);
      }
    }

    @Override
    public void onError(Throwable error) {
      if (state.compareAndSet(OPEN, DONE)) {
        actual.onError(error);
      } else {
        LOG.debug("A transaction's begin failed after its subscriber left", error);
      }
    }

    @Override
    public void onComplete() {
      if (value == null && state.compareAndSet(OPEN, DONE)) {
        actual.onComplete();
      }
    }

    @Override
    public void request(long n) {
      if (Operators.validate(n)) {
        requested = true;
        deliver();
      }
    }

    /**
     * Before the hand-over, stops the begin; after it, lets it run and rolls back what it
     * began. Either way the subscriber gets nothing more.
     */
    @Override
    public void cancel() {
      if (!state.compareAndSet(OPEN, LEFT)) {
        return;
      }
      if (ticket.cancelIfConnecting()) {
        Subscription s = upstream.getAndSet(Operators.cancelledSubscription());
        if (s != null) {
          s.cancel();
        }
      }
      ReactiveTransaction began = value;
      if (began != null) {
        rollBack(began);
      }
    }

    private void deliver() {
      ReactiveTransaction transaction = value;
      if (transaction != null && requested && state.compareAndSet(OPEN, DONE)) {
        actual.onNext(transaction);
        actual.onComplete();
      }
    }

    private void rollBack(ReactiveTransaction transaction) {
      if (rolledBack.compareAndSet(false, true)) {
        Mono.defer(() -> rollback.apply(transaction))
            .contextWrite(actual.currentContext())
            .subscribe(null, e -> LOG.warn("Rolling back a transaction whose subscriber left "
                + "while it began failed", e));
      }
    }
  }
}
