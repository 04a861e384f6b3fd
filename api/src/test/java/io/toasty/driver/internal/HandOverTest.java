package io.toasty.driver.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * The one-owner hand-over: a value reaches exactly one of the subscriber and the late path,
 * whichever of delivery, cancel and deadline comes first; after the hand-over a cancel stays
 * with the subscriber. The source is driven by hand, so a value can arrive after a cancel as it
 * does when the two race on two threads.
 */
class HandOverTest {
  private final List<String> late = new CopyOnWriteArrayList<>();

  @AfterEach
  void realTime() {
    VirtualTimeScheduler.reset();
  }

  @Test
  void aDeliveredValueIsHandedOverAndACancelAfterItStaysWithTheOwner() {
    Manual source = new Manual();
    Owner owner = new Owner(1);
    HandOver.of(Mono.fromDirect(source), String.class, late::add).subscribe(owner);
    source.deliver("conn");
    owner.dispose();
    assertEquals(List.of("conn"), owner.values);
    assertFalse(source.cancelled, "the owner has the value: the source is not told");
    assertEquals(List.of(), late);
  }

  @Test
  void aValueAfterTheCancelGoesToTheLatePathAndTheSourceIsCancelled() {
    Manual source = new Manual();
    Owner owner = new Owner(1);
    HandOver.of(Mono.fromDirect(source), String.class, late::add).subscribe(owner);
    owner.dispose();
    source.deliver("conn"); // the race: the value was on its way as the cancel came
    assertTrue(source.cancelled);
    assertEquals(List.of(), owner.values);
    assertEquals(List.of("conn"), late);
  }

  @Test
  void aDetachedCancelLetsTheSourceRunOnAndItsValueGoesLate() {
    Manual source = new Manual();
    Owner owner = new Owner(0); // has not asked for the value yet
    HandOver.detached(Mono.fromDirect(source), late::add).subscribe(owner);
    owner.dispose();
    assertFalse(source.cancelled, "a detached hand-over never cancels its source");
    assertEquals(1, source.requested, "the source is asked for its value to run to its end");
    source.deliver("conn");
    source.fail(new IllegalStateException("after the cancel"));
    assertEquals(List.of("conn"), late);
    assertEquals(List.of(), owner.values);
    assertNull(owner.error, "signals after the cancel reach nobody else");
  }

  @Test
  void theDeadlineEndsAPendingWaitAndALaterValueGoesLate() {
    VirtualTimeScheduler clock = VirtualTimeScheduler.getOrSet();
    Manual source = new Manual();
    Owner owner = new Owner(1);
    HandOver.<String>subscribe(Mono.fromDirect(source), Duration.ofMillis(10),
        TimeoutException::new, late::add, owner);
    clock.advanceTimeBy(Duration.ofMillis(9));
    assertNull(owner.error);
    clock.advanceTimeBy(Duration.ofMillis(1));
    assertInstanceOf(TimeoutException.class, owner.error);
    assertTrue(source.cancelled);
    source.deliver("conn");
    source.fail(new IllegalStateException("the source's own error after the deadline"));
    assertEquals(List.of("conn"), late);
    assertEquals(List.of(), owner.values);
    assertInstanceOf(TimeoutException.class, owner.error, "one error signal: the deadline's");
  }

  @Test
  void aValueBeforeTheDeadlineStopsIt() {
    VirtualTimeScheduler clock = VirtualTimeScheduler.getOrSet();
    Manual source = new Manual();
    Owner owner = new Owner(1);
    HandOver.<String>subscribe(Mono.fromDirect(source), Duration.ofMillis(10),
        TimeoutException::new, late::add, owner);
    source.deliver("conn");
    source.complete();
    clock.advanceTimeBy(Duration.ofMillis(20));
    assertEquals(List.of("conn"), owner.values);
    assertTrue(owner.completed);
    assertNull(owner.error);
    assertFalse(source.cancelled);
    assertEquals(List.of(), late);
  }

  @Test
  void anErrorBeforeTheHandOverReachesTheOwner() {
    Manual source = new Manual();
    Owner owner = new Owner(1);
    HandOver.of(Mono.fromDirect(source), String.class, late::add).subscribe(owner);
    source.fail(new IllegalStateException("refused"));
    assertInstanceOf(IllegalStateException.class, owner.error);
  }

  /** A source whose signals the test sends, at any time, as a racing thread would. */
  @SuppressWarnings("unchecked")
  private static final class Manual implements Publisher<String> {
    private CoreSubscriber<? super String> subscriber;
    volatile boolean cancelled;
    volatile long requested;

    @Override
    public void subscribe(Subscriber<? super String> s) {
      subscriber = (CoreSubscriber<? super String>) s;
      s.onSubscribe(new Subscription() {
        @Override
        public void request(long n) {
          requested += n;
        }

        @Override
        public void cancel() {
          cancelled = true;
        }
      });
    }

    void deliver(String value) {
      subscriber.onNext(value);
    }

    void complete() {
      subscriber.onComplete();
    }

    void fail(Throwable e) {
      subscriber.onError(e);
    }
  }

  /** The owner: asks for {@code demand} values at subscription and records what it gets. */
  private static final class Owner extends BaseSubscriber<String> {
    private final long demand;
    final List<String> values = new CopyOnWriteArrayList<>();
    volatile Throwable error;
    volatile boolean completed;

    Owner(long demand) {
      this.demand = demand;
    }

    @Override
    protected void hookOnSubscribe(Subscription subscription) {
      if (demand > 0) {
        subscription.request(demand);
      }
    }

    @Override
    protected void hookOnNext(String value) {
      values.add(value);
    }

    @Override
    protected void hookOnError(Throwable e) {
      error = e;
    }

    @Override
    protected void hookOnComplete() {
      completed = true;
    }
  }
}
