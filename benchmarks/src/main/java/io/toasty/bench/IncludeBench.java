package io.toasty.bench;

import io.toasty.bench.fixture.Fixture;
import io.toasty.bench.store.Store;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Relations: 1,000 authors, each with its 10 books. The raw version runs two queries (the
 * parents, then their children by an IN list of the parents' ids); Spring Data runs a repository
 * query per parent, as it has no relation loading. {@code includeConcurrent} runs 64 of them at
 * once on the pool of 10 every implementation gets, as a WebFlux service would: one operation is
 * the whole batch.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 15, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class IncludeBench {

  /** Subscribers at once in {@code includeConcurrent}. */
  public static final int SUBSCRIBERS = 64;

  @Benchmark
  public List<?> include(Target t) {
    return t.store.include(Fixture.INCLUDE_PARENTS).block();
  }

  @Benchmark
  public List<List<?>> includeConcurrent(Target t) {
    return concurrently(t.store).block();
  }

  /** {@link #SUBSCRIBERS} includes subscribed at once; their results in subscription order. */
  public static Mono<List<List<?>>> concurrently(Store store) {
    return Flux.range(0, SUBSCRIBERS)
        .<List<?>>flatMapSequential(i -> store.include(Fixture.INCLUDE_PARENTS), SUBSCRIBERS)
        .collectList();
  }
}
