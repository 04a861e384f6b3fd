package io.toasty.bench;

import com.sun.management.ThreadMXBean;
import io.r2dbc.spi.ConnectionFactories;
import io.toasty.bench.fixture.Check;
import io.toasty.bench.fixture.Database;
import io.toasty.bench.fixture.Environment;
import io.toasty.bench.fixture.Fixture;
import io.toasty.bench.fixture.Sql;
import io.toasty.bench.model.User;
import io.toasty.bench.store.Impl;
import io.toasty.bench.store.Store;
import io.toasty.bench.store.Workload;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Bytes allocated per operation, by Toasty and by the raw driver alternating in one JVM: the
 * figure that does not depend on the machine's load (times do, on a shared machine). Each
 * segment runs {@code ops} operations of one implementation after as many warm-up operations of
 * each, and reports every thread's allocated bytes over it
 * ({@code ThreadMXBean.getThreadAllocatedBytes}, summed over the live threads:
 * the caller's and the driver's event loops) divided by {@code ops}, with the CPU time of those
 * threads and the wall time per operation beside it.
 *
 * <pre>
 * java -cp 'benchmarks/target/classes:benchmarks/target/lib/*' io.toasty.bench.AllocProbe \
 *     postgres get 3000 4 [toasty|raw|both]
 * </pre>
 *
 * <p>Workloads: {@code get}, {@code filterHundred}, {@code filterTenThousand}, {@code createAll}
 * (100,000 new users per operation, deleted after each outside the measured span) and
 * {@code include}. On PostgreSQL the tables live in the schema named by {@code -Dprobe.schema}
 * (default {@code alloc_probe}), created if missing, so that a probe never touches the tables of
 * a benchmark running beside it. With only one implementation named, a JFR allocation profile
 * ({@code -XX:StartFlightRecording}) shows that implementation's sites alone.
 */
public final class AllocProbe {
  private static final ThreadMXBean THREADS =
      (ThreadMXBean) ManagementFactory.getThreadMXBean();

  private AllocProbe() {}

  /** Runs the probe; see the class comment for the arguments. */
  public static void main(String[] args) throws Exception {
    Database db = Database.of(args[0]);
    Workload workload = Workload.ofMethod(args[1]);
    int ops = Integer.parseInt(args[2]);
    int segments = Integer.parseInt(args[3]);
    String only = args.length > 4 ? args[4] : "both";
    if (db.postgres() && System.getProperty("bench.postgres.url") == null) {
      String schema = System.getProperty("probe.schema", "alloc_probe");
      Mono.usingWhen(Mono.from(ConnectionFactories.get(db.url()).create()),
          c -> Sql.run(c, "CREATE SCHEMA IF NOT EXISTS " + schema),
          c -> Mono.from(c.close())).block();
      System.setProperty("bench.postgres.url",
          "r2dbc:postgresql://postgres@127.0.0.1:5432/test?schema=" + schema);
    }
    System.out.printf("load average at start: %s%n", load());
    try (Environment env = Environment.open(db)) {
      env.reset(workload);
      List<Store> stores = new ArrayList<>();
      List<String> names = new ArrayList<>();
      for (Impl impl : new Impl[] {Impl.TOASTY, Impl.RAW}) {
        if (only.equals("both") || only.equalsIgnoreCase(impl.name())) {
          Store s = env.store(impl);
          Check.workload(workload, s, env);
          env.cleanWrites();
          stores.add(s);
          names.add(impl.name().toLowerCase(Locale.ROOT));
        }
      }
      Op op = new Op(workload, env);
      for (Store s : stores) {
        op.run(s, ops);
      }
      List<List<Double>> perOp = new ArrayList<>();
      List<List<Double>> cpuPerOp = new ArrayList<>();
      List<List<Double>> wallPerOp = new ArrayList<>();
      for (int i = 0; i < stores.size(); i++) {
        perOp.add(new ArrayList<>());
        cpuPerOp.add(new ArrayList<>());
        wallPerOp.add(new ArrayList<>());
      }
      for (int seg = 0; seg < segments; seg++) {
        for (int i = 0; i < stores.size(); i++) {
          long cpuBefore = cpu();
          long wallBefore = System.nanoTime();
          double bytes = op.run(stores.get(i), ops) / (double) ops;
          double wall = (System.nanoTime() - wallBefore) / (double) ops;
          double cpu = (cpu() - cpuBefore) / (double) ops;
          perOp.get(i).add(bytes);
          cpuPerOp.get(i).add(cpu);
          wallPerOp.get(i).add(wall);
          System.out.printf(Locale.ROOT,
              "segment %d %-6s %,14.0f B/op %,10.0f ns CPU/op %,10.0f ns wall/op%n", seg,
              names.get(i), bytes, cpu, wall);
        }
      }
      for (int i = 0; i < stores.size(); i++) {
        System.out.printf(Locale.ROOT, "median  %-6s %,14.0f B/op  (%s, %s, %d ops x %d)%n",
            names.get(i), median(perOp.get(i)), db.param(), workload.method(), ops, segments);
        System.out.printf(Locale.ROOT, "median  %-6s %,14.0f ns CPU/op (every live thread's)%n",
            names.get(i), median(cpuPerOp.get(i)));
        System.out.printf(Locale.ROOT, "median  %-6s %,14.0f ns wall/op%n", names.get(i),
            median(wallPerOp.get(i)));
      }
      for (Store s : stores) {
        s.close();
      }
    }
    System.out.printf("load average at end: %s%n", load());
  }

  /** One workload's operation, repeated; the bytes allocated over the operations alone. */
  private static final class Op {
    private final Workload workload;
    private final Environment env;
    private int n;

    Op(Workload workload, Environment env) {
      this.workload = workload;
      this.env = env;
    }

    long run(Store s, int ops) {
      long total = 0;
      if (workload != Workload.CREATE_ALL) {
        long before = allocated();
        for (int i = 0; i < ops; i++) {
          once(s);
        }
        return allocated() - before;
      }
      for (int i = 0; i < ops; i++) {
        List<User> rows = Fixture.newUsers("probe-" + n++, 100_000);
        long before = allocated();
        s.createAll(rows).block();
        total += allocated() - before;
        env.trimInserts();
      }
      return total;
    }

    private void once(Store s) {
      int i = n++;
      switch (workload) {
        case GET -> s.get(i % Fixture.USERS + 1).block();
        case FILTER_HUNDRED -> s.filterHundred(i % Fixture.TEAMS).block();
        case FILTER_TEN_THOUSAND -> s.filterTenThousand(i % Fixture.REGIONS).block();
        case INCLUDE -> s.include(Fixture.INCLUDE_PARENTS).block();
        case GET_CONCURRENT -> burst(i, k -> s.get(k % Fixture.USERS + 1));
        case UPDATE_CONCURRENT -> burst(i, k -> {
          long id = k % Fixture.USERS + 1;
          return s.updateByKey(id, Fixture.score(id));
        });
        default -> throw new IllegalArgumentException("not probed: " + workload);
      }
    }

    /** {@code PairedProbe}'s burst: its requests subscribed at once, on consecutive keys. */
    private static void burst(long n, LongFunction<Mono<?>> request) {
      long first = n * PairedProbe.BURST;
      Flux.range(0, PairedProbe.BURST)
          .flatMap(k -> request.apply(first + k), PairedProbe.BURST).blockLast();
    }
  }

  /** Every live thread's allocated bytes, summed. */
  private static long allocated() {
    long[] ids = THREADS.getAllThreadIds();
    return Arrays.stream(THREADS.getThreadAllocatedBytes(ids)).filter(b -> b > 0).sum();
  }

  /**
   * Every live thread's CPU time, summed, in ns: the caller's and the event loops' (the JVM's
   * own GC and compiler threads are not among them). Less dependent on load than wall time,
   * though not independent of it (caches, the scheduler's moves).
   */
  private static long cpu() {
    long sum = 0;
    for (long id : THREADS.getAllThreadIds()) {
      long t = THREADS.getThreadCpuTime(id);
      if (t > 0) {
        sum += t;
      }
    }
    return sum;
  }

  private static double median(List<Double> xs) {
    double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
  }

  private static String load() {
    try {
      return new String(Files.readAllBytes(Path.of("/proc/loadavg")))
          .trim();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
