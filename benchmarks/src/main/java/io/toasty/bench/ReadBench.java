package io.toasty.bench;

import io.toasty.bench.fixture.Fixture;
import io.toasty.bench.model.User;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reads: get by primary key, and filters returning 1, 100 and 10,000 rows. Each call asks for a
 * different key, email, team or region, cycling through the fixture; the values are built
 * before measuring.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 15, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Thread)
public class ReadBench {
  private String[] emails;
  private int n;

  @Setup
  public void values() {
    emails = new String[Fixture.USERS];
    for (int i = 0; i < emails.length; i++) {
      emails[i] = Fixture.email(i + 1);
    }
  }

  private int next(int bound) {
    int i = n++ % bound;
    if (n == Integer.MAX_VALUE) {
      n = 0;
    }
    return i;
  }

  @Benchmark
  public User get(Target t) {
    return t.store.get(next(Fixture.USERS) + 1).block();
  }

  @Benchmark
  public List<User> getFiveSequential(Target t) {
    return t.store.getFiveSequential(next(Fixture.USERS - 5) + 1).block();
  }

  @Benchmark
  public List<User> getFiveBatch(Target t) {
    return t.store.getFiveBatch(next(Fixture.USERS - 5) + 1).block();
  }

  @Benchmark
  public List<User> filterOne(Target t) {
    return t.store.filterOne(emails[next(Fixture.USERS)]).block();
  }

  @Benchmark
  public List<User> filterHundred(Target t) {
    return t.store.filterHundred(next(Fixture.TEAMS)).block();
  }

  @Benchmark
  public List<User> filterOneFromIndex(Target t) {
    return t.store.filterOneFromIndex(emails[next(Fixture.USERS)]).block();
  }

  @Benchmark
  public List<User> filterHundredFromIndex(Target t) {
    return t.store.filterHundredFromIndex(next(Fixture.TEAMS)).block();
  }

  @Benchmark
  public List<User> filterTenThousand(Target t) {
    return t.store.filterTenThousand(next(Fixture.REGIONS)).block();
  }
}
