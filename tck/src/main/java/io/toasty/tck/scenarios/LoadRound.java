package io.toasty.tck.scenarios;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One round of load: every subscriber subscribed at once, a random share of them cancelled at a
 * random moment, and what became of each counted (completed, cancelled, failed), with the
 * latency of those that completed. The round's {@code Mono} completes when every subscriber has
 * ended, whichever way.
 */
final class LoadRound {
  /** One subscriber's work, and when to cancel it (null: never). */
  record Work(String kind, Mono<?> mono, Duration cancelAfter) {}

  /** What a cancelled subscriber's work ends with. */
  private static final Object CUT = new Object();

  private final List<Work> works;
  private final AtomicInteger completed = new AtomicInteger();
  private final AtomicInteger cancelled = new AtomicInteger();
  private final ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
  private long wallNanos;

  LoadRound(List<Work> works) {
    this.works = List.copyOf(works);
  }

  /** {@code n} subscribers whose work (and cancel time) {@code pick} draws. */
  static LoadRound of(int n, Random random, Function<Random, Work> pick) {
    List<Work> works = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      works.add(pick.apply(random));
    }
    return new LoadRound(works);
  }

  /** Runs the round; completes when every subscriber has ended (never with an error). */
  Mono<Void> run() {
    return Mono.defer(() -> {
      long start = System.nanoTime();
      return Flux.fromIterable(works)
          .flatMap(this::one, Math.max(1, works.size()))
          .then()
          .doOnTerminate(() -> wallNanos = System.nanoTime() - start);
    });
  }

  private Mono<Void> one(Work w) {
    return Mono.defer(() -> {
      long start = System.nanoTime();
      Mono<Object> work = w.mono().map(v -> (Object) v);
      if (w.cancelAfter() != null) {
        // when the time comes first, timeout cancels the work's subscription, as a client
        // dropping its request would, and the round goes on with the fallback
        work = work.timeout(w.cancelAfter(), Mono.fromSupplier(() -> {
          cancelled.incrementAndGet();
          return CUT;
        }));
      }
      return work
          .doOnSuccess(v -> {
            if (v == CUT) {
              return;
            }
            completed.incrementAndGet();
            latencies.add(System.nanoTime() - start);
          })
          .doOnError(errors::add)
          .onErrorResume(e -> Mono.empty())
          .then();
    });
  }

  int completed() {
    return completed.get();
  }

  /** Subscribers cancelled before their work ended. */
  int cancelled() {
    return cancelled.get();
  }

  List<Throwable> errors() {
    return List.copyOf(errors);
  }

  /** The round's wall time. */
  Duration wall() {
    return Duration.ofNanos(wallNanos);
  }

  /** The completed subscribers' latencies, sorted, in nanoseconds. */
  List<Long> latencies() {
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    return sorted;
  }
}
