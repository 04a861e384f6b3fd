package io.toasty.reactive.internal.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.driver.Connection;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.reactive.internal.gate.CountedPool;
import io.toasty.reactive.internal.gate.GatedDriver;
import io.toasty.value.Value;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Batches of one plan whose connections come out of order: the second batch seals before the
 * first. Once both have answered, no batch of the plan is open any more, so a request on a pool
 * with a connection free does not batch. (Before, the first batch's seal handed the plan's open
 * place to the second, sealed already: every later request walked past it and the chain of every
 * batch made since, and the plan counted as waiting for good.)
 */
class WaitingBatchesOrderTest {
  /** A pool of two whose connects complete when the test says, in the order it says. */
  private static final class HeldPool extends CountedPool {
    final ConcurrentLinkedQueue<Sinks.One<Connection>> connects = new ConcurrentLinkedQueue<>();

    HeldPool() {
      super(2);
    }

    @Override
    public Mono<Connection> connect() {
      Sinks.One<Connection> held = Sinks.one();
      connects.add(held);
      return held.asMono().doOnNext(c -> out.incrementAndGet());
    }

    Connection connection() {
      return new Connection() {
        @Override
        public Mono<ExecResponse> exec(Operation operation) {
          return Mono.error(new UnsupportedOperationException("not asked"));
        }

        @Override
        public Mono<Void> close() {
          return Mono.fromRunnable(out::decrementAndGet);
        }
      };
    }

    /** Completes the pending connects, the newest first. */
    void connectNewestFirst() {
      List<Sinks.One<Connection>> pending = new ArrayList<>(connects);
      connects.clear();
      for (int i = pending.size() - 1; i >= 0; i--) {
        pending.get(i).tryEmitValue(connection());
      }
    }
  }

  /** Answers each key with itself, as a read of its value would. */
  private static final WaitingBatches.Kind<Long> ECHO = new WaitingBatches.Kind<>() {
    @Override
    public boolean oncePerKey() {
      return false;
    }

    @Override
    public int maxKeys() {
      return 2;
    }

    @Override
    public Flux<WaitingBatches.Keyed<Long>> statement(Connection c,
        List<WaitingBatches.Request<Long>> requests) {
      return Flux.fromIterable(requests).map(r -> new WaitingBatches.Keyed<>(r.key, (Long) r.key));
    }

    @Override
    public Long missing() {
      return null;
    }

    @Override
    public boolean shared(Throwable error) {
      return false;
    }
  };

  @Test
  void batchesThatSealOutOfOrderLeaveNoBatchOpen() {
    HeldPool pool = new HeldPool();
    GatedDriver driver = new GatedDriver(pool, Duration.ofSeconds(30));
    WaitingBatches batches = new WaitingBatches(driver);
    Object plan = new Object();
    Sinks.Empty<Void> busy = Sinks.empty();
    // two requests alone hold both permits until busy ends
    List<Long> alone = new ArrayList<>();
    for (long k = 100; k < 102; k++) {
      long key = k;
      driver.withConnection(c -> busy.asMono().thenReturn(key).flux()).subscribe(alone::add);
    }
    pool.connectNewestFirst();
    assertTrue(batches.saturated(plan), "both permits are out");
    // four keys in batches of two: the first batch and its successor queue at the gate
    List<Long> answers = new ArrayList<>();
    for (long k = 1; k <= 4; k++) {
      long key = k;
      batches.join(plan, key, new Value.I64(key), null, c -> Flux.just(key), () -> ECHO)
          .subscribe(answers::add);
    }
    busy.tryEmitEmpty(); // both permits back: both batches connect, the second first
    pool.connectNewestFirst();
    assertEquals(List.of(100L, 101L), alone.stream().sorted().toList());
    assertEquals(List.of(1L, 2L, 3L, 4L), answers.stream().sorted().toList());
    assertEquals(0, pool.out.get(), "every connection back");
    assertFalse(batches.saturated(plan), "a pool with its connections free has no batch waiting");
  }
}
