package io.toasty.r2dbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.r2dbc.spi.Result;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import reactor.test.publisher.TestPublisher;

/**
 * {@link RowStream}: demand passed through with one row ahead, so that a result whose end is read
 * only on demand (as r2dbc-postgresql and r2dbc-mysql read CommandComplete and OK) completes for a
 * subscriber that asks for exactly its rows; never more rows than asked for; several results in
 * order; cancel and errors as signals.
 */
class RowStreamTest {
  /** A hang guard, not a timing assertion. */
  private static final Duration GUARD = Duration.ofSeconds(30);

  /** The mapper of every test: the row's one column. */
  private static final BiFunction<Row, RowMetadata, Integer> VALUE =
      (row, metadata) -> row.get(0, Integer.class);

  // ---- demand

  @Test
  void exactlyAsManyRowsAsThereAreCompletes() {
    for (int n = 0; n < 4; n++) {
      StepVerifier.create(stream(Flux.just(endOnDemand(0, n))), n)
          .expectNextCount(n)
          .expectComplete()
          .verify(GUARD);
    }
  }

  @Test
  void oneRowAtATime() {
    StepVerifier.create(stream(Flux.just(endOnDemand(10, 3))), 0)
        .expectSubscription()
        .thenRequest(1).expectNext(10)
        .thenRequest(1).expectNext(11)
        .thenRequest(1).expectNext(12)
        .expectComplete()
        .verify(GUARD);
  }

  @Test
  void demandPassesThroughWithOneRowAhead() {
    TestPublisher<Row> rows = TestPublisher.create();
    StepVerifier.create(stream(Flux.just(result(rows))), 5)
        .then(() -> rows.assertMinRequested(6).assertMaxRequested(6))
        .then(() -> rows.next(row(1), row(2), row(3), row(4), row(5), row(6)))
        .expectNext(1, 2, 3, 4, 5)
        .then(() -> rows.assertMaxRequested(0)) // the sixth row waits, and nothing more is asked
        .thenRequest(2)
        .expectNext(6)
        .then(() -> rows.assertMinRequested(2).assertMaxRequested(2))
        .then(() -> rows.next(row(7), row(8)))
        .expectNext(7)
        .then(rows::complete)
        .thenRequest(1)
        .expectNext(8)
        .expectComplete()
        .verify(GUARD);
  }

  @Test
  void unboundedDemandIsPassedOnAsIs() {
    TestPublisher<Row> rows = TestPublisher.create();
    StepVerifier.create(stream(Flux.just(result(rows))))
        .then(() -> rows.assertMinRequested(Long.MAX_VALUE))
        .then(() -> rows.next(row(1), row(2)).complete())
        .expectNext(1, 2)
        .expectComplete()
        .verify(GUARD);
  }

  @Test
  void noRowsBeforeTheSubscriberAsks() {
    TestPublisher<Row> rows = TestPublisher.create();
    StepVerifier.create(stream(Flux.just(result(rows))), 0)
        .then(() -> rows.assertMinRequested(1).assertMaxRequested(1))
        .then(() -> rows.next(row(1)).complete()) // the row waits for demand, and so does the end
        .thenRequest(1)
        .expectNext(1)
        .expectComplete()
        .verify(GUARD);
  }

  @Test
  void neverMoreRowsThanAskedForWithDemandFromAnotherThread() {
    for (int round = 0; round < 50; round++) {
      int n = ThreadLocalRandom.current().nextInt(0, 300);
      // results on one thread, rows on another, demand from a third
      Flux<Integer> stream = stream(Flux.just(onSingle(endOnDemand(0, n / 2)),
          onSingle(endOnDemand(n / 2, n - n / 2))).publishOn(Schedulers.parallel(), 1));
      Checking checking = new Checking();
      stream.subscribe(checking);
      checking.done.orTimeout(GUARD.toSeconds(), TimeUnit.SECONDS).join();
      assertNull(checking.failure, checking.failure);
      List<Integer> expected = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        expected.add(i);
      }
      assertEquals(expected, checking.received);
    }
  }

  // ---- several results

  @Test
  void resultsOneAfterTheOther() {
    TestPublisher<Result> results = TestPublisher.create();
    TestPublisher<Row> first = TestPublisher.create();
    TestPublisher<Row> second = TestPublisher.create();
    StepVerifier.create(new RowStream<>(() -> results, VALUE), 0)
        .then(() -> results.assertMinRequested(1).assertMaxRequested(1))
        .then(() -> results.next(result(first)))
        .then(() -> results.assertMaxRequested(0))
        .thenRequest(1)
        .then(() -> first.next(row(1), row(2)))
        .expectNext(1)
        .then(first::complete)
        .then(() -> results.assertMaxRequested(0)) // the second row of the first result waits
        .thenRequest(1)
        .expectNext(2)
        .then(() -> results.assertMinRequested(1))
        .then(() -> results.next(result(second)))
        .then(() -> second.assertMinRequested(1).assertMaxRequested(1))
        .then(() -> second.next(row(3)).complete())
        .then(results::complete)
        .thenRequest(1)
        .expectNext(3)
        .expectComplete()
        .verify(GUARD);
  }

  @Test
  void severalResultsEndingOnDemand() {
    StepVerifier.create(stream(Flux.just(endOnDemand(0, 2), endOnDemand(2, 0),
            endOnDemand(2, 3))), 5)
        .expectNext(0, 1, 2, 3, 4)
        .expectComplete()
        .verify(GUARD);
  }

  // ---- cancel

  @Test
  void cancelMidwayCancelsRowsAndResults() {
    TestPublisher<Result> results = TestPublisher.create();
    TestPublisher<Row> rows = TestPublisher.create();
    StepVerifier.create(new RowStream<>(() -> results, VALUE), 2)
        .then(() -> results.next(result(rows)))
        .then(() -> rows.next(row(1), row(2)))
        .expectNext(1, 2)
        .thenCancel()
        .verify(GUARD);
    rows.assertCancelled();
    results.assertCancelled();
  }

  @Test
  void cancelBeforeTheResultComes() {
    TestPublisher<Result> results = TestPublisher.create();
    StepVerifier.create(new RowStream<>(() -> results, VALUE))
        .thenCancel()
        .verify(GUARD);
    results.assertCancelled();
  }

  @Test
  void cancelInOnNextStopsAtOnce() {
    TestPublisher<Row> rows = TestPublisher.create();
    StepVerifier.create(stream(Flux.just(result(rows))).take(2))
        .then(() -> rows.next(row(1), row(2)))
        .expectNext(1, 2)
        .expectComplete()
        .verify(GUARD);
    rows.assertCancelled();
  }

  // ---- errors

  @Test
  void rowsErrorMidway() {
    TestPublisher<Result> results = TestPublisher.create();
    TestPublisher<Row> rows = TestPublisher.create();
    StepVerifier.create(new RowStream<>(() -> results, VALUE))
        .then(() -> results.next(result(rows)))
        .then(() -> rows.next(row(1)).error(new IllegalStateException("lost")))
        .expectNext(1)
        .expectErrorMessage("lost")
        .verify(GUARD);
    results.assertCancelled();
  }

  @Test
  void anErrorComesAfterTheRowWaiting() {
    TestPublisher<Row> rows = TestPublisher.create();
    StepVerifier.create(stream(Flux.just(result(rows))), 1)
        .then(() -> rows.next(row(1), row(2)).error(new IllegalStateException("lost")))
        .expectNext(1)
        .thenRequest(1)
        .expectNext(2)
        .expectErrorMessage("lost")
        .verify(GUARD);
  }

  @Test
  void theResultsErrorComesOnceTheRowsBeingReadHaveEnded() {
    TestPublisher<Result> results = TestPublisher.create();
    TestPublisher<Row> rows = TestPublisher.create();
    StepVerifier.create(new RowStream<>(() -> results, VALUE))
        .then(() -> results.next(result(rows)).error(new IllegalStateException("closed")))
        .then(() -> rows.next(row(1)).complete())
        .expectNext(1)
        .expectErrorMessage("closed")
        .verify(GUARD);
  }

  @Test
  void aMapperThatFailsIsAnError() {
    BiFunction<Row, RowMetadata, Integer> failing = (row, metadata) -> {
      int v = row.get(0, Integer.class);
      if (v == 2) {
        throw new IllegalArgumentException("cannot read 2");
      }
      return v;
    };
    TestPublisher<Result> results = TestPublisher.create();
    TestPublisher<Row> rows = TestPublisher.create();
    StepVerifier.create(new RowStream<>(() -> results, failing))
        .then(() -> results.next(result(rows)))
        .then(() -> rows.next(row(1), row(2)))
        .expectNext(1)
        .expectErrorMessage("cannot read 2")
        .verify(GUARD);
    rows.assertCancelled();
    results.assertCancelled();
  }

  @Test
  void aResultWhoseMapFailsIsAnError() {
    Result broken = new FakeResult(mapper -> {
      throw new IllegalStateException("already consumed");
    });
    StepVerifier.create(stream(Flux.just(broken)))
        .expectErrorMessage("already consumed")
        .verify(GUARD);
  }

  @Test
  void anExecuteThatThrowsIsAnError() {
    StepVerifier.create(new RowStream<Integer>(() -> {
      throw new IllegalStateException("refused");
    }, VALUE)).expectErrorMessage("refused").verify(GUARD);
  }

  @Test
  void theStatementRunsOnce() {
    AtomicLong runs = new AtomicLong();
    RowStream<Integer> stream = new RowStream<>(() -> {
      runs.incrementAndGet();
      return Flux.just(endOnDemand(0, 1));
    }, VALUE);
    StepVerifier.create(stream).expectNext(0).expectComplete().verify(GUARD);
    StepVerifier.create(stream).expectErrorMessage("these rows were already read").verify(GUARD);
    assertEquals(1, runs.get());
  }

  // ---- fixtures

  private static Flux<Integer> stream(Publisher<Result> results) {
    return new RowStream<>(() -> results, VALUE);
  }

  /**
   * A result of {@code count} rows from {@code first} on, whose end is read only on demand:
   * {@code Flux.generate} completes only when asked for a row past the last.
   */
  private static Result endOnDemand(int first, int count) {
    return new FakeResult(mapper -> Flux.<Row, Integer>generate(() -> first, (next, sink) -> {
      if (next == first + count) {
        sink.complete();
      } else {
        sink.next(row(next));
      }
      return next + 1;
    }).map(row -> mapper.apply(row, null)));
  }

  /** {@code result}, its rows sent on {@code Schedulers.single()}, as each request comes. */
  private static Result onSingle(Result result) {
    return new FakeResult(mapper -> Flux.from(result.map(mapper))
        .subscribeOn(Schedulers.single()));
  }

  /** A result whose rows {@code rows} sends. */
  private static Result result(TestPublisher<Row> rows) {
    return new FakeResult(mapper -> rows.flux().map(row -> mapper.apply(row, null)));
  }

  private static Row row(int value) {
    return new Row() {
      @Override
      public <T> T get(int index, Class<T> type) {
        return type.cast(value);
      }

      @Override
      public <T> T get(String name, Class<T> type) {
        return type.cast(value);
      }

      @Override
      public RowMetadata getMetadata() {
        return null;
      }
    };
  }

  /** A result whose rows are {@code rows} of the mapper. */
  private record FakeResult(
      Function<BiFunction<Row, RowMetadata, ?>, Publisher<?>> rows) implements Result {
    @Override
    public Publisher<Long> getRowsUpdated() {
      return Mono.empty();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Publisher<T> map(BiFunction<Row, RowMetadata, ? extends T> mapper) {
      return (Publisher<T>) rows.apply(mapper);
    }

    @Override
    public Result filter(Predicate<Segment> filter) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <T> Publisher<T> flatMap(Function<Segment, ? extends Publisher<? extends T>> mapper) {
      throw new UnsupportedOperationException();
    }
  }

  /**
   * Asks for random amounts from another thread than the rows come on, and records a failure if
   * a row or the end comes that was not asked for (the end is asked for by any demand).
   */
  private static final class Checking extends BaseSubscriber<Integer> {
    final CompletableFuture<Void> done = new CompletableFuture<>();
    final List<Integer> received = Collections.synchronizedList(new ArrayList<>());
    final AtomicLong asked = new AtomicLong();
    volatile String failure;

    @Override
    protected void hookOnSubscribe(Subscription subscription) {
      askLater();
    }

    private void askLater() {
      Schedulers.boundedElastic().schedule(() -> {
        long n = ThreadLocalRandom.current().nextLong(1, 8);
        asked.addAndGet(n);
        request(n);
      });
    }

    @Override
    protected void hookOnNext(Integer value) {
      received.add(value);
      if (received.size() > asked.get()) {
        failure = "row " + received.size() + " came with " + asked.get() + " asked for";
      }
      if (received.size() == asked.get()) {
        askLater();
      }
    }

    @Override
    protected void hookOnComplete() {
      done.complete(null);
    }

    @Override
    protected void hookOnError(Throwable e) {
      failure = String.valueOf(e);
      done.complete(null);
    }
  }
}
