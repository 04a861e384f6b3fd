package io.toasty.bench;

import io.toasty.bench.fixture.Check;
import io.toasty.bench.fixture.Database;
import io.toasty.bench.fixture.Environment;
import io.toasty.bench.store.Impl;
import io.toasty.bench.store.Store;
import io.toasty.bench.store.Workload;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * What a benchmark fork measures: one implementation ({@code impl}) on one database ({@code db}),
 * with the fixture loaded and the measured workload checked against {@code Fixture} before the
 * first warmup iteration. {@code Main} passes only the combinations that can run.
 */
@State(Scope.Benchmark)
public class Target {
  @Param({"h2", "postgres", "dynamo", "neo4j"})
  public String db;

  @Param({"toasty", "raw", "spring"})
  public String impl;

  Environment env;
  Store store;

  @Setup(Level.Trial)
  public void open(BenchmarkParams params) {
    String benchmark = params.getBenchmark();
    Workload workload = Workload.ofMethod(benchmark.substring(benchmark.lastIndexOf('.') + 1));
    env = Environment.open(Database.of(db));
    try {
      env.reset(workload);
      store = env.store(Impl.of(impl));
      store.unsupported(workload).ifPresent(reason -> {
        throw new UnsupportedOperationException(reason);
      });
      Check.workload(workload, store, env);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  @TearDown(Level.Trial)
  public void close() {
    try {
      if (store != null) {
        store.close();
      }
    } finally {
      env.close();
    }
  }
}
