package io.toasty.reactive.internal.change;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.Change;
import io.toasty.driver.ChangeNotice;
import io.toasty.value.Value;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.time.Duration;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Mono;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/**
 * A subscriber slower than the writes: the notices waiting for it are bounded, and past the
 * bound one GAP stands for the dropped ones, the stream going on. The source is a sink that,
 * like PostgreSQL's driver, drops what its subscriber has not asked for.
 */
class BoundedNoticesTest {
  private static final int LIMIT = 4;

  private static ChangeNotice created(int i) {
    return new ChangeNotice(Change.Kind.CREATED, Value.Record.of(new Value.Str("k" + i)),
        "1." + i);
  }

  @Test
  void aSubscriberThatAsksForNothingGetsAGapThenTheLaterChanges() {
    Sinks.Many<ChangeNotice> driver = Sinks.many().multicast().directBestEffort();
    ChangeReadsTest.Store store = new ChangeReadsTest.Store(Map.of());
    int writes = 10 * LIMIT;
    List<String> seen = new CopyOnWriteArrayList<>();
    BaseSubscriber<Change<ChangeReadsTest.Item>> slow = new BaseSubscriber<>() {
      @Override
      protected void hookOnSubscribe(Subscription subscription) {
        // asks for nothing yet
      }

      @Override
      protected void hookOnNext(Change<ChangeReadsTest.Item> c) {
        seen.add(c.key() == null ? c.kind().name() : ((Value.Str) c.key().get(0)).value());
      }
    };
    ChangeReads.of(a -> driver.asFlux(), null, store, ChangeReadsTest.MODEL, LIMIT).subscribe(slow);
    driver.tryEmitNext(ChangeNotice.mark(Change.Kind.LISTENING)).orThrow();
    slow.request(1);
    await(seen, "LISTENING");
    for (int i = 1; i <= writes; i++) {
      assertEquals(Sinks.EmitResult.OK, driver.tryEmitNext(created(i)),
          "the stream takes every notice though nothing is asked for: " + i);
    }
    assertEquals(List.of("LISTENING"), seen, "nothing asked for, nothing given");
    slow.request(Long.MAX_VALUE);
    await(seen, "GAP");
    driver.tryEmitNext(created(writes + 1)).orThrow();
    await(seen, "k" + (writes + 1));
    slow.dispose();

    List<String> keys = seen.subList(1, seen.size());
    int gap = keys.indexOf("GAP");
    assertEquals(LIMIT + 1, gap, "one batch taken as the first request was met (k1), the "
        + "buffer's notices, then the GAP: " + keys);
    for (int i = 0; i < gap; i++) {
      assertEquals("k" + (i + 1), keys.get(i), "the kept notices, in order: " + keys);
    }
    assertEquals(List.of("GAP", "k" + (writes + 1)), keys.subList(gap, keys.size()),
        "one GAP, then the change written once there was room: " + keys);
  }

  /** Waits (a bound against a hang, not a timing) until {@code seen} holds {@code what}. */
  private static void await(List<String> seen, String what) {
    Mono.fromSupplier(() -> seen.contains(what)).filter(Boolean::booleanValue)
        .repeatWhenEmpty(Integer.MAX_VALUE, r -> r.delayElements(Duration.ofMillis(5)))
        .timeout(Duration.ofSeconds(30), Mono.error(() -> new AssertionError(
            "no " + what + " among " + seen)))
        .block();
  }

  @Test
  void aSubscriberThatKeepsUpSeesNoGap() {
    Sinks.Many<ChangeNotice> driver = Sinks.many().multicast().directBestEffort();
    ChangeReadsTest.Store store = new ChangeReadsTest.Store(Map.of());
    StepVerifier.create(ChangeReads.of(a -> driver.asFlux(), null, store, ChangeReadsTest.MODEL, 1))
        .then(() -> {
          for (int i = 1; i <= 3 * LIMIT; i++) {
            driver.tryEmitNext(created(i)).orThrow();
          }
          driver.tryEmitComplete().orThrow();
        })
        .expectNextCount(3 * LIMIT)
        .verifyComplete();
  }
}
