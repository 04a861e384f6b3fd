package io.toasty.bench;

import io.toasty.bench.fixture.Fixture;
import io.toasty.bench.model.User;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Writes: insert one row, insert 10,000 rows at once (Toasty's multi-row insert, R2DBC's batch
 * in a transaction, Spring Data's {@code saveAll} in a transaction), and update by key. On SQL,
 * rows an insert adds are deleted after each iteration (one row) or each call (10,000 rows),
 * outside the measurement, so the table keeps its size. Every insert uses emails no earlier
 * insert used.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 15, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Thread)
public class WriteBench {
  /**
   * Makes this fork's emails unique: on DynamoDB Local, shared by the forks of a run, inserted
   * items and their uniqueness items stay.
   */
  private final String tag = Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
  private long n;

  @Benchmark
  public User insertOne(Target t, TrimAfterIteration trim) {
    return t.store.insertOne(Fixture.newUser("one-" + tag, n++)).block();
  }

  @Benchmark
  public List<User> insertMany(Target t, FreshRows rows) {
    return t.store.insertMany(rows.users).block();
  }

  @Benchmark
  public Long createAll(Target t, FreshHundredThousand rows) {
    return t.store.createAll(rows.users).block();
  }

  /** Writes the score the row already has: the database still writes it, the data stays. */
  @Benchmark
  public Long updateByKey(Target t) {
    long id = n++ % Fixture.USERS + 1;
    return t.store.updateByKey(id, Fixture.score(id)).block();
  }

  /** Deletes the rows inserted during an iteration. */
  @State(Scope.Thread)
  public static class TrimAfterIteration {
    @TearDown(Level.Iteration)
    public void trim(Target t) {
      t.env.trimInserts();
    }
  }

  /** 100,000 new users for {@code createAll}, made before each call and deleted after it. */
  @State(Scope.Thread)
  public static class FreshHundredThousand {
    private final String tag = Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
    private long calls;
    List<User> users;

    @Setup(Level.Invocation)
    public void make() {
      users = Fixture.newUsers("all-" + tag + "-" + calls++, 100_000);
    }

    @TearDown(Level.Invocation)
    public void trim(Target t) {
      t.env.trimInserts();
    }
  }

  /**
   * 10,000 new users with emails no call has used, made before each call, and deleted after it
   * (a call takes milliseconds, so per-call fixtures are sound).
   */
  @State(Scope.Thread)
  public static class FreshRows {
    private final String tag = Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
    private long calls;
    List<User> users;

    @Setup(Level.Invocation)
    public void make() {
      users = Fixture.newUsers("many-" + tag + "-" + calls++, Fixture.INSERT_MANY);
    }

    @TearDown(Level.Invocation)
    public void trim(Target t) {
      t.env.trimInserts();
    }
  }
}
