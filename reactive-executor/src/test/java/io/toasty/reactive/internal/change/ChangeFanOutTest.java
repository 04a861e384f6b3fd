package io.toasty.reactive.internal.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.toasty.Change;
import io.toasty.driver.ChangeNotice;
import io.toasty.value.Value;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.Disposable;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The live streams of one model share the driver's notices and one read per batch of them:
 * many subscribers, one read per notice here (each written once the last was seen by all),
 * each subscriber numbering its own changes; a slow one gets its own GAP and holds back no
 * other; the last one leaving cancels the driver's stream, and a failure reaches all of them.
 */
class ChangeFanOutTest {
  private static final int SUBSCRIBERS = 200;

  private final Sinks.Many<ChangeNotice> driver = Sinks.many().multicast().directBestEffort();
  private final AtomicInteger opened = new AtomicInteger();
  private final Supplier<Flux<ChangeNotice>> notices = () -> {
    opened.incrementAndGet();
    return driver.asFlux();
  };

  private static ChangeNotice created(String code) {
    return new ChangeNotice(Change.Kind.CREATED, Value.Record.of(new Value.Str(code)),
        "1." + code);
  }

  @Test
  void manySubscribersMakeOneReadPerBatchAndEachCountsItsOwn() {
    Map<String, ChangeReadsTest.Item> items = new ConcurrentHashMap<>();
    ChangeReadsTest.Store store = new ChangeReadsTest.Store(items);
    ChangeFanOut fanOut = new ChangeFanOut();
    List<List<Change<ChangeReadsTest.Item>>> seen = new ArrayList<>();
    List<Disposable> subscriptions = new ArrayList<>();
    for (int i = 0; i < SUBSCRIBERS; i++) {
      List<Change<ChangeReadsTest.Item>> one = new CopyOnWriteArrayList<>();
      seen.add(one);
      subscriptions.add(fanOut.changes(ChangeReadsTest.MODEL, notices, store, 16)
          .subscribe(one::add));
    }
    assertEquals(1, opened.get(), "the driver's streams opened for " + SUBSCRIBERS);
    driver.tryEmitNext(ChangeNotice.mark(Change.Kind.LISTENING)).orThrow();
    await(() -> seen.stream().allMatch(s -> s.size() == 1), "every LISTENING");
    for (int k = 1; k <= 3; k++) {
      String code = "k" + k;
      items.put(code, new ChangeReadsTest.Item(code, "L" + k));
      driver.tryEmitNext(created(code)).orThrow();
      int size = k + 1;
      await(() -> seen.stream().allMatch(s -> s.size() == size), "every " + code);
    }
    assertEquals(3, store.filters.size(), "reads of three notices for " + SUBSCRIBERS
        + " subscribers");
    for (List<Change<ChangeReadsTest.Item>> one : seen) {
      assertEquals(List.of(1L, 2L, 3L, 4L), one.stream().map(Change::position).toList());
      assertEquals(new ChangeReadsTest.Item("k2", "L2"), one.get(2).record());
      assertEquals("1.k3/4", one.get(3).resumeToken());
    }
    assertSame(seen.get(0).get(1).record(), seen.get(SUBSCRIBERS - 1).get(1).record(),
        "the record read once is every subscriber's");

    List<Change<ChangeReadsTest.Item>> late = new CopyOnWriteArrayList<>();
    subscriptions.add(fanOut.changes(ChangeReadsTest.MODEL, notices, store, 16)
        .subscribe(late::add));
    assertEquals(List.of(Change.Kind.LISTENING), late.stream().map(Change::kind).toList(),
        "a subscriber joining a listening stream hears LISTENING at once");
    driver.tryEmitNext(new ChangeNotice(Change.Kind.DELETED,
        Value.Record.of(new Value.Str("k1")), "1.d")).orThrow();
    await(() -> late.size() == 2, "the late subscriber's delete");
    assertEquals(2L, late.get(1).position());
    assertEquals(1, opened.get(), "still one driver stream");

    subscriptions.forEach(Disposable::dispose);
    assertEquals(0, fanOut.open(), "shared streams once every subscriber left");
    assertEquals(0, driver.currentSubscriberCount(), "the driver's stream cancelled");
  }

  @Test
  void aSlowSubscriberGetsItsOwnGapAndHoldsBackNoOther() {
    int limit = 4;
    int writes = 10 * limit;
    ChangeReadsTest.Store store = new ChangeReadsTest.Store(Map.of());
    ChangeFanOut fanOut = new ChangeFanOut();
    List<String> fast = new CopyOnWriteArrayList<>();
    List<String> slow = new CopyOnWriteArrayList<>();
    BaseSubscriber<Change<ChangeReadsTest.Item>> asksOnce = new BaseSubscriber<>() {
      @Override
      protected void hookOnSubscribe(Subscription subscription) {
        subscription.request(1);
      }

      @Override
      protected void hookOnNext(Change<ChangeReadsTest.Item> c) {
        slow.add(name(c));
      }
    };
    fanOut.changes(ChangeReadsTest.MODEL, notices, store, limit).subscribe(asksOnce);
    Disposable keepsUp = fanOut.changes(ChangeReadsTest.MODEL, notices, store, limit)
        .subscribe(c -> fast.add(name(c)));
    driver.tryEmitNext(ChangeNotice.mark(Change.Kind.LISTENING)).orThrow();
    for (int i = 1; i <= writes; i++) {
      driver.tryEmitNext(created("k" + i)).orThrow();
      int upTo = i + 1;
      // each read once every subscriber holds the last: one notice per batch
      await(() -> fast.size() == upTo, "k" + i + " for the subscriber that keeps up");
    }
    assertEquals(List.of("LISTENING"), slow, "nothing asked for, nothing given");
    assertEquals(-1, fast.indexOf("GAP"), "no gap for the subscriber that keeps up");
    asksOnce.request(Long.MAX_VALUE);
    await(() -> slow.contains("GAP"), "the slow subscriber's GAP");
    List<String> expected = new ArrayList<>(List.of("LISTENING"));
    // k1 taken as the first request was met (as BoundedNoticesTest), then the buffer's
    for (int i = 1; i <= limit + 1; i++) {
      expected.add("k" + i);
    }
    expected.add("GAP");
    assertEquals(expected, slow, "one batch and the buffer's notices, then one GAP");
    driver.tryEmitNext(created("after")).orThrow();
    await(() -> slow.contains("after") && fast.contains("after"), "the change after the gap");
    asksOnce.dispose();
    keepsUp.dispose();
  }

  @Test
  void aFailureReachesEverySubscriberAndTheNextStartsAnother() {
    ChangeReadsTest.Store store = new ChangeReadsTest.Store(Map.of());
    ChangeFanOut fanOut = new ChangeFanOut();
    List<Object> first = new CopyOnWriteArrayList<>();
    List<Object> second = new CopyOnWriteArrayList<>();
    fanOut.changes(ChangeReadsTest.MODEL, notices, store, 8).subscribe(first::add, first::add);
    fanOut.changes(ChangeReadsTest.MODEL, notices, store, 8).subscribe(second::add, second::add);
    IllegalStateException lost = new IllegalStateException("listener lost");
    driver.tryEmitError(lost).orThrow();
    await(() -> first.contains(lost) && second.contains(lost), "the failure, for both");
    assertEquals(0, fanOut.open(), "the failed stream is forgotten");
    Sinks.Many<ChangeNotice> again = Sinks.many().multicast().directBestEffort();
    List<Change<ChangeReadsTest.Item>> next = new CopyOnWriteArrayList<>();
    Disposable d = fanOut.changes(ChangeReadsTest.MODEL, again::asFlux, store, 8)
        .subscribe(next::add);
    again.tryEmitNext(ChangeNotice.mark(Change.Kind.LISTENING)).orThrow();
    await(() -> next.size() == 1, "the next subscriber's own stream");
    d.dispose();
  }

  private static String name(Change<ChangeReadsTest.Item> c) {
    return c.key() == null ? c.kind().name() : ((Value.Str) c.key().get(0)).value();
  }

  /** Waits (a bound against a hang, not a timing) until {@code done}. */
  private static void await(BooleanSupplier done, String what) {
    Mono.fromSupplier(done::getAsBoolean).filter(Boolean::booleanValue)
        .repeatWhenEmpty(Integer.MAX_VALUE, r -> r.delayElements(Duration.ofMillis(5)))
        .timeout(Duration.ofSeconds(30), Mono.error(() -> new AssertionError("no " + what)))
        .block();
  }
}
