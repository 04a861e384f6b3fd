package io.toasty.bench;

import io.r2dbc.spi.ConnectionFactories;
import io.toasty.bench.fixture.Check;
import io.toasty.bench.fixture.Database;
import io.toasty.bench.fixture.Environment;
import io.toasty.bench.fixture.Fixture;
import io.toasty.bench.fixture.Sql;
import io.toasty.bench.store.Impl;
import io.toasty.bench.store.Store;
import io.toasty.bench.store.Workload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Time per operation of Toasty against the raw driver (and Spring Data R2DBC), measured in many
 * short segments that alternate in one JVM: the ratio that holds on a machine whose speed
 * changes under the benchmark.
 *
 * <p>Why: on this project's 2-core machines a PostgreSQL round trip is bimodal (about 105 or
 * 220 µs for the raw driver's get by key, switching every few seconds with the scheduler's
 * placement of the JVM's event loop and the server's backend), so a JMH fork's 5 s of
 * measurement lands in one mode or a mix of both, and the median of three forks' ratios can be
 * off by 50 % either way. Segments of a few milliseconds, each implementation's right after the
 * other's (the order rotated every pair), see the same mode; the median of the per-pair ratios
 * is what remains.
 *
 * <pre>
 * java -cp 'benchmarks/target/classes:benchmarks/target/lib/*' io.toasty.bench.PairedProbe \
 *     postgres get 200 400 [raw|raw,spring|raw,vertx]
 * </pre>
 *
 * <p>Arguments: database, workload ({@code get}, {@code filterHundred}, {@code
 * filterHundredFromIndex} (DynamoDB: the items from the index's Query), {@code
 * filterTenThousand}, {@code include}, {@code updateByKey}, {@code getConcurrent}, {@code filterHundredConcurrent},
 * {@code filterOneConcurrent}, {@code updateConcurrent}: the concurrent ones a burst of 64
 * requests at once), operations per
 * segment, pairs, and the implementations Toasty is compared with (default {@code raw}; on
 * PostgreSQL also {@code vertx}, raw vertx-pg-client). The database {@code postgres-vertx} is
 * PostgreSQL's tables with Toasty over its Vert.x transport, the raw stores unchanged. Before
 * the pairs, each implementation runs as many warm-up segments as there are pairs, and more
 * until the warm-up has lasted {@code -Dprobe.warmUpSeconds} (10 by default). Every
 * implementation is checked against the fixture first, as the JMH benchmarks are. On
 * PostgreSQL the tables live in the schema {@code -Dprobe.schema} (default {@code paired_probe}).
 * On DynamoDB, {@code -Dprobe.dynamo.byKeys=true} makes {@code filterHundred} read by keys on
 * both sides (the raw client's index Query then BatchGetItem, Toasty's {@code
 * stronglyConsistent()}) instead of the items from the index's Query.
 * It also prints each implementation's median CPU time of the whole JVM per operation over its
 * segments (the client's cost, which the machine's load does not change; the JVM's clock ticks
 * by a few milliseconds, so give a segment 100 ms or more: a shorter median segment is warned
 * of, as its time also holds the switch from the other implementations' threads). With
 * {@code -Dprobe.switches=true} it also prints each implementation's context switches per
 * operation by thread kind ({@link Switches}), counted around its measured segments. With
 * {@code -Dprobe.coalesceLists=false} Toasty sends every list its own statement under load
 * ({@code DbBuilder.coalesceLists}), to see what the batches of the concurrent lists give;
 * {@code -Dprobe.coalesceGets=false} likewise for gets ({@code DbBuilder.coalesceGets}), as
 * TechEmpower's single query runs them; with {@code -Dprobe.observed=true} every Toasty
 * statement is observed by a {@code LoggingObserver}, as the Spring Boot starter's are.
 */
public final class PairedProbe {
  /** Requests at once in the concurrent workloads, as {@code ConcurrentBench}'s parameter. */
  static final int BURST = 64;
  private static final boolean SWITCHES = Boolean.getBoolean("probe.switches");
  /** The least time the warm-up takes, whatever the pairs ({@code -Dprobe.warmUpSeconds}). */
  private static final Duration WARM_UP =
      Duration.ofSeconds(Long.getLong("probe.warmUpSeconds", 10));
  /**
   * A segment shorter than this measures the switch from the other implementations' threads as
   * much as its work: on a 2-core machine a get by key over R2DBC took 379 µs per get in
   * segments of 200 gets (after a 10 s warm-up) and 164 µs in segments of 1,000.
   */
  private static final Duration SHORT_SEGMENT = Duration.ofMillis(100);

  private PairedProbe() {}

  /** Runs the probe; see the class comment for the arguments. */
  public static void main(String[] args) throws Exception {
    Database db = Database.of(args[0]);
    Workload workload = Workload.ofMethod(args[1]);
    int ops = Integer.parseInt(args[2]);
    int pairs = Integer.parseInt(args[3]);
    List<Impl> others = Arrays.stream((args.length > 4 ? args[4] : "raw").split(","))
        .map(s -> Impl.valueOf(s.trim().toUpperCase(Locale.ROOT))).toList();
    if (db.postgres() && System.getProperty("bench.postgres.url") == null) {
      String schema = System.getProperty("probe.schema", "paired_probe");
      Mono.usingWhen(Mono.from(ConnectionFactories.get(db.url()).create()),
          c -> Sql.run(c, "CREATE SCHEMA IF NOT EXISTS " + schema),
          c -> Mono.from(c.close())).block();
      System.setProperty("bench.postgres.url",
          "r2dbc:postgresql://postgres@127.0.0.1:5432/test?schema=" + schema);
    }
    System.out.printf("load average at start: %s%n", Machine.loadAverage());
    try (Environment env = Environment.open(db)) {
      env.reset(workload);
      List<Impl> impls = new ArrayList<>();
      impls.add(Impl.TOASTY);
      impls.addAll(others);
      List<Store> stores = new ArrayList<>();
      for (Impl impl : impls) {
        Store s = env.store(impl);
        Check.workload(workload, s, env);
        env.cleanWrites();
        stores.add(s);
      }
      Segment segment = new Segment(workload);
      warmUp(segment, stores, ops, pairs);
      List<Switches> switches = new ArrayList<>();
      for (int i = 0; i < impls.size(); i++) {
        switches.add(new Switches());
      }
      double[][] cpu = new double[impls.size()][pairs];
      double[][] nanos = measure(segment, stores, ops, pairs, switches, cpu);
      report(db, workload, ops, pairs, impls, nanos);
      warnIfShort(impls, nanos, ops);
      for (int i = 0; i < impls.size(); i++) {
        System.out.printf(Locale.ROOT, "%-7s process CPU median %10.1f us/op%n",
            impls.get(i).name().toLowerCase(Locale.ROOT), quantile(cpu[i], 0.5) / 1e3);
      }
      if (SWITCHES) {
        for (int i = 0; i < impls.size(); i++) {
          System.out.printf("%-7s switches per op:%s%n",
              impls.get(i).name().toLowerCase(Locale.ROOT),
              switches.get(i).perOp((long) ops * pairs));
        }
      }
      for (Store s : stores) {
        s.close();
      }
      env.cleanWrites();
    }
    System.out.printf("load average at end: %s%n", Machine.loadAverage());
  }

  /**
   * Runs every store's segments, in turn, {@code pairs} times and then on until the warm-up has
   * lasted {@link #WARM_UP}: with few short segments the JIT still compiled through the
   * measured pairs (its compiler threads woke half a time per get in 12 pairs of 200 gets, a
   * twentieth in 20 pairs of 1,000).
   */
  private static void warmUp(Segment segment, List<Store> stores, int ops, int pairs) {
    long until = System.nanoTime() + WARM_UP.toNanos();
    for (int w = 0; w < pairs || System.nanoTime() < until; w++) {
      for (Store s : stores) {
        segment.nanosPerOp(s, ops);
      }
    }
  }

  /** A warning where a median segment took less than {@link #SHORT_SEGMENT}. */
  private static void warnIfShort(List<Impl> impls, double[][] nanos, int ops) {
    for (int i = 0; i < impls.size(); i++) {
      double millis = quantile(nanos[i], 0.5) * ops / 1e6;
      if (millis < SHORT_SEGMENT.toMillis()) {
        System.out.printf(Locale.ROOT, "WARNING: %s's median segment took %.1f ms, under %d ms: "
            + "give a segment more ops (see PairedProbe's Javadoc)%n",
            impls.get(i).name().toLowerCase(Locale.ROOT), millis, SHORT_SEGMENT.toMillis());
      }
    }
  }

  /** Per implementation, its time per operation in each pair; the order rotates every pair. */
  private static double[][] measure(Segment segment, List<Store> stores, int ops, int pairs,
      List<Switches> switches, double[][] cpu) {
    int n = stores.size();
    double[][] nanos = new double[n][pairs];
    for (int p = 0; p < pairs; p++) {
      for (int k = 0; k < n; k++) {
        int i = (p + k) % n;
        Map<String, Long> before = SWITCHES ? Switches.now() : null;
        long cpuBefore = Machine.processCpuNanos();
        nanos[i][p] = segment.nanosPerOp(stores.get(i), ops);
        cpu[i][p] = (Machine.processCpuNanos() - cpuBefore) / (double) ops;
        if (SWITCHES) {
          switches.get(i).add(before, Switches.now());
        }
      }
    }
    return nanos;
  }

  private static void report(Database db, Workload workload, int ops, int pairs,
      List<Impl> impls, double[][] nanos) {
    for (int i = 0; i < impls.size(); i++) {
      System.out.printf(Locale.ROOT, "%-7s median %10.1f us/op  (quartiles %.1f-%.1f)%n",
          impls.get(i).name().toLowerCase(Locale.ROOT), quantile(nanos[i], 0.5) / 1e3,
          quantile(nanos[i], 0.25) / 1e3, quantile(nanos[i], 0.75) / 1e3);
    }
    for (int i = 1; i < impls.size(); i++) {
      double[] ratios = new double[pairs];
      for (int p = 0; p < pairs; p++) {
        ratios[p] = nanos[0][p] / nanos[i][p];
      }
      System.out.printf(Locale.ROOT, "toasty / %-6s time ratio median %.3f (quartiles %.3f-%.3f)"
          + "  [%s, %s, %d ops x %d pairs]%n", impls.get(i).name().toLowerCase(Locale.ROOT),
          quantile(ratios, 0.5), quantile(ratios, 0.25), quantile(ratios, 0.75), db.param(),
          workload.method(), ops, pairs);
    }
  }

  private static double quantile(double[] xs, double q) {
    double[] a = xs.clone();
    Arrays.sort(a);
    double pos = q * (a.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = (int) Math.ceil(pos);
    return a[lo] + (a[hi] - a[lo]) * (pos - lo);
  }

  /** One workload's operation, repeated over one segment; the wall time per operation. */
  private static final class Segment {
    private final Workload workload;
    private long n;

    Segment(Workload workload) {
      this.workload = workload;
    }

    double nanosPerOp(Store s, int ops) {
      long start = System.nanoTime();
      for (int i = 0; i < ops; i++) {
        once(s);
      }
      return (System.nanoTime() - start) / (double) ops;
    }

    private void once(Store s) {
      long i = n++;
      switch (workload) {
        case GET -> s.get(i % Fixture.USERS + 1).block();
        case FILTER_HUNDRED -> s.filterHundred((int) (i % Fixture.TEAMS)).block();
        case FILTER_HUNDRED_FROM_INDEX ->
            s.filterHundredFromIndex((int) (i % Fixture.TEAMS)).block();
        case FILTER_TEN_THOUSAND -> s.filterTenThousand((int) (i % Fixture.REGIONS)).block();
        case INCLUDE -> s.include(Fixture.INCLUDE_PARENTS).block();
        case UPDATE_BY_KEY -> s.updateByKey(i % Fixture.USERS + 1,
            Fixture.score(i % Fixture.USERS + 1)).block();
        case GET_CONCURRENT -> burst(k -> s.get(k % Fixture.USERS + 1));
        case FILTER_HUNDRED_CONCURRENT -> burst(k -> s.filterHundred((int) (k % Fixture.TEAMS)));
        case FILTER_ONE_CONCURRENT -> burst(k -> s.filterOne(Fixture.email(k % Fixture.USERS + 1)));
        case UPDATE_CONCURRENT -> burst(k -> {
          long id = k % Fixture.USERS + 1;
          return s.updateByKey(id, Fixture.score(id));
        });
        default -> throw new IllegalArgumentException("not probed: " + workload);
      }
    }

    /** {@link #BURST} requests subscribed at once, on consecutive keys. */
    private void burst(LongFunction<Mono<?>> request) {
      long first = n * BURST;
      Flux.range(0, BURST).flatMap(k -> request.apply(first + k), BURST).blockLast();
    }
  }
}
