package io.toasty.bench;

import io.toasty.bench.fixture.Fixture;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Many subscribers at once on the pool of 10 every implementation gets, as a WebFlux service
 * runs: one JMH operation is {@code subscribers} requests subscribed together (each a get by
 * key, a 100-row filter or an update, on different keys), and it ends when the last one does.
 * Throughput is {@code subscribers} divided by the time of an operation; the latency of each
 * request is recorded apart ({@link Latencies}) for its 99th percentile. What the single-thread
 * figures cannot show, pool hand-over and lock contention, is in these.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 15, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Thread)
public class ConcurrentBench {
  /** Requests subscribed at once. */
  @Param({"16", "64"})
  public int subscribers;

  private final Latencies latencies = new Latencies();
  private final AtomicLong next = new AtomicLong();
  private String name;

  @Setup(Level.Trial)
  public void name(BenchmarkParams params, Target t) {
    String b = params.getBenchmark();
    name = b.substring(b.lastIndexOf('.') + 1) + "-" + t.db + "-" + t.impl + "-" + subscribers;
  }

  @Setup(Level.Iteration)
  public void startIteration(IterationParams params) {
    if (params.getType() == IterationType.MEASUREMENT) {
      latencies.start();
    }
  }

  @TearDown(Level.Iteration)
  public void stopIteration() {
    latencies.stop();
  }

  @TearDown(Level.Trial)
  public void write() {
    latencies.write(name);
  }

  @Benchmark
  public Long getConcurrent(Target t) {
    return burst(id -> t.store.get(id), Fixture.USERS);
  }

  @Benchmark
  public Long filterHundredConcurrent(Target t) {
    return burst(team -> t.store.filterHundred((int) team - 1), Fixture.TEAMS);
  }

  /** Writes the score each row already has: the database still writes it, the data stays. */
  @Benchmark
  public Long updateConcurrent(Target t) {
    return burst(id -> t.store.updateByKey(id, Fixture.score(id)), Fixture.USERS);
  }

  /** {@link #subscribers} requests at once on consecutive keys in {@code 1..bound}. */
  private Long burst(LongFunction<Mono<?>> request, int bound) {
    long first = next.getAndAdd(subscribers);
    return Flux.range(0, subscribers)
        .flatMap(i -> timed(request.apply((first + i) % bound + 1)), subscribers)
        .count()
        .block();
  }

  private Mono<?> timed(Mono<?> request) {
    return Mono.defer(() -> {
      long start = System.nanoTime();
      return request.doOnSuccess(v -> latencies.record(start));
    });
  }

  /** The requests of one burst, for {@code Check}: every answer as one subscriber's alone. */
  public static <T> Mono<List<T>> burstOf(int subscribers, LongFunction<Mono<T>> one) {
    return Flux.range(0, subscribers).flatMapSequential(i -> one.apply(i + 1), subscribers)
        .collectList();
  }
}
