package io.toasty.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.ReactiveTransaction;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/**
 * {@link ShieldedBegin} at each moment a subscriber can leave: before the connection is handed
 * over (the begin stops), after it (the begin runs to its end and what it began is rolled back,
 * in the subscriber's context), after the transaction was delivered (the subscriber's
 * {@code usingWhen} owns it: nothing here), and with a begin that then fails (nothing to end).
 */
class ShieldedBeginTest {
  private final ReactiveTransaction began = new ReactiveTransaction() { };
  private final Sinks.One<ReactiveTransaction> outcome = Sinks.one();
  private final AtomicBoolean beginCancelled = new AtomicBoolean();
  private final List<Object> rolledBack = new CopyOnWriteArrayList<>();
  private final List<String> rollbackContexts = new CopyOnWriteArrayList<>();

  /** A begin that takes the ticket's connection when {@code handOver}, then waits. */
  private ShieldedBegin begin(boolean handOver) {
    Mono<ReactiveTransaction> begin = Mono.deferContextual(context -> {
      BeginTicket ticket = context.get(BeginTicket.class);
      assertThat(ticket.handOver()).isTrue();
      return outcome.asMono();
    });
    Mono<ReactiveTransaction> waiting = handOver ? begin : Mono.never();
    return new ShieldedBegin(waiting.doOnCancel(() -> beginCancelled.set(true)),
        tx -> Mono.deferContextual(context -> {
          rolledBack.add(tx);
          rollbackContexts.add(context.getOrDefault("caller", "none"));
          return Mono.empty();
        }));
  }

  @Test
  void aSubscriberLeavingBeforeTheHandOverStopsTheBegin() {
    begin(false).contextWrite(c -> c.put("caller", "request")).subscribe().dispose();
    assertThat(beginCancelled).isTrue();
    assertThat(rolledBack).isEmpty();
  }

  @Test
  void aSubscriberLeavingAfterTheHandOverGetsItsTransactionRolledBackOnceBegun() {
    List<Object> seen = new CopyOnWriteArrayList<>();
    begin(true).contextWrite(c -> c.put("caller", "request"))
        .subscribe(seen::add, seen::add, () -> seen.add("complete")).dispose();
    assertThat(beginCancelled).as("the begin runs on").isFalse();
    assertThat(rolledBack).isEmpty();
    outcome.tryEmitValue(began);
    assertThat(rolledBack).containsExactly(began);
    assertThat(rollbackContexts).containsExactly("request");
    assertThat(seen).isEmpty();
  }

  @Test
  void aTransactionThatCameBeforeItWasAskedForIsRolledBackWhenItsSubscriberLeaves() {
    StepVerifier.create(begin(true), 0)
        .then(() -> outcome.tryEmitValue(began))
        .thenCancel()
        .verify();
    assertThat(rolledBack).containsExactly(began);
  }

  @Test
  void aDeliveredTransactionIsItsSubscribersToEnd() {
    StepVerifier.create(begin(true))
        .then(() -> outcome.tryEmitValue(began))
        .expectNext(began)
        .verifyComplete();
    assertThat(rolledBack).isEmpty();
  }

  @Test
  void aBeginThatFailsAfterItsSubscriberLeftEndsNothing() {
    List<Object> seen = new CopyOnWriteArrayList<>();
    begin(true).subscribe(seen::add, seen::add).dispose();
    outcome.tryEmitError(new IllegalStateException("BEGIN refused"));
    assertThat(seen).isEmpty();
    assertThat(rolledBack).isEmpty();
  }

  @Test
  void aFailedBeginReachesTheSubscriber() {
    StepVerifier.create(begin(true))
        .then(() -> outcome.tryEmitError(new IllegalStateException("BEGIN refused")))
        .verifyErrorMessage("BEGIN refused");
  }
}
