package io.toasty.bench;

import io.toasty.Change;
import io.toasty.bench.model.Note;
import io.toasty.bench.model.Notes;
import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import io.toasty.value.Value;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * Change streams under load on PostgreSQL: {@code subscribers} streams of one model's changes
 * (1,000 by default) and {@code rate} writes a second (100) for {@code seconds} (20), each write
 * its own transaction. Prints the server connections the streams hold, the heap each
 * subscriber costs, and the latency from each write's commit (its {@code Mono} completing) to
 * its delivery to each subscriber, p50/p99/max, over every delivery; and checks that every
 * subscriber saw every write once (the writes run side by side, so their order is the
 * commit order, not the writer's). The TCK's {@code ChangeStreamLoadTest} is the cheap
 * version run by CI. Run (docs/changes.md, "Under load"):
 *
 * <pre>
 * mvn -q -B -pl benchmarks package -DskipTests
 * java -Xmx1g -cp "benchmarks/target/classes:benchmarks/target/lib/*" \
 *     io.toasty.bench.ChangeStreamLoad [url] [subscribers] [rate] [seconds]
 * </pre>
 */
public final class ChangeStreamLoad {
  private ChangeStreamLoad() {}

  public static void main(String[] args) throws InterruptedException {
    String url = args.length > 0 ? args[0] : "r2dbc:postgresql://postgres@127.0.0.1:5432/test";
    int subscribers = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    int rate = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
    int writes = rate * seconds;
    Db db = Toasty.builder().url(url).models(Notes.MODEL).build();
    try {
      db.schema().push().block();
      db.sql("DELETE FROM notes").execute().block();
      run(db, subscribers, rate, writes);
    } finally {
      db.close().block();
    }
  }

  private static void run(Db db, int subscribers, int rate, int writes)
      throws InterruptedException {
    long connectionsBefore = connections(db);
    long heapBefore = heapAfterGc();
    AtomicLongArray committed = new AtomicLongArray(writes);
    AtomicLongArray delivered = new AtomicLongArray(writes * subscribers);
    CountDownLatch listening = new CountDownLatch(subscribers);
    CountDownLatch done = new CountDownLatch(subscribers);
    AtomicReference<String> disorder = new AtomicReference<>();
    List<Disposable> streams = new ArrayList<>();
    for (int s = 0; s < subscribers; s++) {
      int subscriber = s;
      int[] seen = {0};
      streams.add(Notes.changes(db).subscribe(c -> {
        if (c.kind() == Change.Kind.LISTENING) {
          listening.countDown();
        } else if (c.kind() == Change.Kind.CREATED) {
          int id = (int) ((Value.I64) c.key().get(0)).value();
          // the writes run side by side, so they commit (and arrive) in any order: each once
          if (delivered.getAndSet(id * subscribers + subscriber, System.nanoTime()) != 0) {
            disorder.compareAndSet(null, "subscriber " + subscriber + " saw " + id + " twice");
          }
          if (++seen[0] == writes) {
            done.countDown();
          }
        } else if (c.kind() == Change.Kind.GAP) {
          disorder.compareAndSet(null, "subscriber " + subscriber + " saw a GAP");
        }
      }, e -> disorder.compareAndSet(null, "subscriber " + subscriber + " failed: " + e)));
    }
    if (!listening.await(2, TimeUnit.MINUTES)) {
      throw new IllegalStateException("not every stream listens: " + listening.getCount());
    }
    long heapListening = heapAfterGc();
    long connectionsListening = connections(db);
    long periodNanos = TimeUnit.SECONDS.toNanos(1) / rate;
    long writing = System.nanoTime();
    // writes the pool cannot take at once wait in line: the rate reached is printed
    Flux.interval(Duration.ofNanos(periodNanos)).take(writes).onBackpressureBuffer()
        .flatMap(i -> Notes.create().id(i).text("note " + i).exec(db)
            .doOnSuccess(n -> committed.set((int) (long) i, System.nanoTime())), 64)
        .blockLast();
    double writeSeconds = (System.nanoTime() - writing) / 1e9;
    if (!done.await(2, TimeUnit.MINUTES)) {
      throw new IllegalStateException("not every subscriber saw every write: "
          + done.getCount() + " did not; " + disorder.get());
    }
    streams.forEach(Disposable::dispose);
    System.out.printf(Locale.ROOT, "writes reached %.1f/s (asked %d/s)%n", writes / writeSeconds,
        rate);
    report(subscribers, rate, writes, connectionsBefore, connectionsListening,
        heapBefore, heapListening, committed, delivered, disorder.get());
  }

  private static void report(int subscribers, int rate, int writes, long connectionsBefore,
      long connectionsListening, long heapBefore, long heapListening,
      AtomicLongArray committed, AtomicLongArray delivered, String disorder) {
    long[] latencies = new long[delivered.length()];
    for (int i = 0; i < latencies.length; i++) {
      latencies[i] = latency(i, subscribers, committed, delivered);
    }
    Arrays.sort(latencies);
    System.out.printf(Locale.ROOT, "subscribers %d, writes %d at %d/s%n", subscribers, writes,
        rate);
    System.out.printf(Locale.ROOT, "server connections: %d before, %d while listening%n",
        connectionsBefore, connectionsListening);
    System.out.printf(Locale.ROOT, "heap per subscriber: %.1f KB%n",
        (heapListening - heapBefore) / 1024.0 / subscribers);
    System.out.printf(Locale.ROOT, "commit to delivery over %d deliveries: p50 %.2f ms, "
            + "p99 %.2f ms, max %.2f ms%n", latencies.length, millis(latencies, 0.50),
        millis(latencies, 0.99), latencies[latencies.length - 1] / 1e6);
    bySecond(subscribers, rate, writes, committed, delivered);
    System.out.println("deliveries: " + (disorder == null ? "every subscriber saw every write"
        + " once" : disorder));
  }

  /**
   * The same latencies by the second of the run their write was asked in (write {@code i} at
   * {@code i / rate} s): where in the run the slow deliveries fall, say its first second.
   */
  private static void bySecond(int subscribers, int rate, int writes, AtomicLongArray committed,
      AtomicLongArray delivered) {
    for (int first = 0; first < writes; first += rate) {
      int last = Math.min(writes, first + rate);
      long[] second = new long[(last - first) * subscribers];
      for (int i = 0; i < second.length; i++) {
        second[i] = latency(first * subscribers + i, subscribers, committed, delivered);
      }
      Arrays.sort(second);
      System.out.printf(Locale.ROOT, "  second %d: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
          first / rate, millis(second, 0.50), millis(second, 0.99),
          second[second.length - 1] / 1e6);
    }
  }

  /**
   * Delivery {@code d}'s latency from its write's commit; a notification may be handled before
   * the writer's completion: 0 then, not negative.
   */
  private static long latency(int d, int subscribers, AtomicLongArray committed,
      AtomicLongArray delivered) {
    return Math.max(0, delivered.get(d) - committed.get(d / subscribers));
  }

  private static double millis(long[] sorted, double quantile) {
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1e6;
  }

  private static long connections(Db db) {
    return db.sql("SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database()")
        .rows().map(r -> r.get("n", Long.class)).blockLast();
  }

  private static long heapAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
