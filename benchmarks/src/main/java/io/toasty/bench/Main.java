package io.toasty.bench;

import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.toasty.bench.fixture.Database;
import io.toasty.bench.fixture.DynamoEnvironment;
import io.toasty.bench.fixture.Environment;
import io.toasty.bench.fixture.Neo4jEnvironment;
import io.toasty.bench.report.Report;
import io.toasty.bench.report.RunInfo;
import io.toasty.bench.store.Impl;
import io.toasty.bench.store.Store;
import io.toasty.bench.store.Workload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.neo4j.harness.Neo4j;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the suites and writes {@code docs/benchmarks.md}: {@code benchmarks/run.sh} calls this.
 *
 * <pre>
 * Main [--quick | --full | --short] [--db h2,postgres,postgres-vertx,dynamo,neo4j] [--only REGEX]
 *      [--rounds N] [--param name=v1,v2] [--groups REGEX] [--results DIR] [--out FILE]
 * Main --report DIR [--out FILE]      (rewrite the page from a finished run's results)
 * </pre>
 *
 * <p>First it asks every database and implementation which workloads it can run, and records
 * what it leaves out and why; then it runs JMH once per group of benchmarks with the same
 * parameters (one fork per benchmark and parameter set, with {@code -prof gc}), each group
 * writing its JSON result and its log into the results directory; last, {@link Report} reads
 * the JSON and writes the page.
 */
public final class Main {
  /** The mode's JMH settings. */
  enum Mode {
    /**
     * To prove the pipeline, or to look quickly (about 70 forks of 6 to 8 s: under 10 minutes on
     * 2 quiet cores); planning only for two statements.
     */
    QUICK(1, 1, 3, 1, 3, List.of("get", "insertOne")),
    /** The reference table: TOOLCHAIN.md's settings, more iterations for PostgreSQL writes. */
    FULL(15, 2, 5, 2, 10, PlanBench.STATEMENTS),
    /**
     * For {@code --rounds}: shorter measurements, so that three alternating rounds of the
     * workloads a target names fit in a quiet three quarters of an hour; the spread comes from
     * the rounds, not the iterations. The warmup stays long: on 2 cores the JIT needs 12 to 20 s
     * before a get by key on H2 settles (8 × 1 s left it at 5 × its settled time).
     */
    SHORT(12, 2, 5, 1, 8, List.of("get"));

    final int warmups;
    final int warmupSeconds;
    final int measurements;
    final int measurementSeconds;
    final int postgresWriteMeasurements;
    final List<String> planStatements;

    Mode(int warmups, int warmupSeconds, int measurements, int measurementSeconds,
        int postgresWriteMeasurements, List<String> planStatements) {
      this.warmups = warmups;
      this.warmupSeconds = warmupSeconds;
      this.measurements = measurements;
      this.measurementSeconds = measurementSeconds;
      this.postgresWriteMeasurements = postgresWriteMeasurements;
      this.planStatements = planStatements;
    }

    String describe() {
      return String.format("JMH average time, 1 thread, 1 fork per benchmark (-Xms2g -Xmx2g),"
          + " warmup %d × %d s, measurement %d × %d s (PostgreSQL writes: %d × %d s),"
          + " -prof gc", warmups, warmupSeconds, measurements, measurementSeconds,
          postgresWriteMeasurements, measurementSeconds);
    }
  }

  private static final List<Class<?>> SUITES =
      List.of(ReadBench.class, WriteBench.class, IncludeBench.class, ConcurrentBench.class);
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  private Main() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = options(args);
    Path out = Path.of(opts.getOrDefault("out", "docs/benchmarks.md"));
    if (opts.containsKey("report")) {
      Report.write(Path.of(opts.get("report")), out);
      System.exit(0);
    }
    Mode mode = opts.containsKey("quick") ? Mode.QUICK
        : opts.containsKey("short") ? Mode.SHORT : Mode.FULL;
    List<Database> dbs = Arrays.stream(opts.getOrDefault("db", "h2,postgres,dynamo").split(","))
        .map(Database::of).toList();
    String only = opts.get("only");
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    Path results = Path.of(opts.getOrDefault("results",
        "benchmarks/target/results/" + mode.name().toLowerCase() + "-" + stamp));
    Files.createDirectories(results);

    RunInfo info = new RunInfo();
    info.mode = mode.name().toLowerCase();
    info.started = now();
    info.settings = mode.describe();
    Machine.describe(info);
    info.loadAtStart = Machine.loadAverage();
    write(results, info);

    // One DynamoDB Local and one Neo4j for the whole run, in this JVM (not the measured one),
    // each loaded once; the forks attach to them.
    DynamoDBProxyServer dynamo = null;
    Neo4j neo4j = null;
    List<String> jvmArgs = new ArrayList<>();
    if (dbs.contains(Database.DYNAMO)) {
      int port = DynamoEnvironment.freePort();
      dynamo = DynamoEnvironment.startServer(port);
      share(Database.DYNAMO, DynamoEnvironment.ENDPOINT, "http://127.0.0.1:" + port, jvmArgs);
    }
    if (dbs.contains(Database.NEO4J)) {
      neo4j = Neo4jEnvironment.startServer();
      share(Database.NEO4J, Neo4jEnvironment.BOLT, neo4j.boltURI().toString(), jvmArgs);
    }

    List<Group> groups = new ArrayList<>();
    for (Database db : dbs) {
      groups.addAll(groups(db, mode, info));
    }
    groups.add(new Group("plan", PlanBench.class.getName() + "\\.",
        Map.of("statement", mode.planStatements), mode.measurements));
    Map<String, List<String>> overrides = paramOverrides(opts.get("param"));
    groups.replaceAll(g -> g.withParams(overrides));
    String onlyGroups = opts.get("groups");
    if (onlyGroups != null) {
      groups.removeIf(g -> !g.name.matches(onlyGroups));
    }
    if (only != null) {
      groups.removeIf(g -> g.benchmarks.stream().noneMatch(b -> b.matches(".*" + only + ".*")));
    }
    for (Group g : groups) {
      for (String b : g.benchmarks) {
        if (only == null || b.matches(".*" + only + ".*")) {
          plan(info, g, b);
        }
      }
    }
    write(results, info);

    // --rounds n: every group n times, its implementations in reverse order every other round,
    // so that neither always runs first on a machine whose load drifts; the page reads round 0,
    // the others are in jmh-<group>-r<k>.json
    int rounds = Integer.parseInt(opts.getOrDefault("rounds", "1"));
    for (int r = 0; r < rounds; r++) {
      for (Group g : groups) {
        Group round = r == 0 ? g : g.round(r);
        System.out.printf("%n==== %s (%s) ====%n", round.name, round.params);
        String before = Machine.loadAverage();
        run(round, r, mode, only, results, jvmArgs);
        info.groups.add(new RunInfo.GroupLoad(round.name, before, Machine.loadAverage()));
        write(results, info);
      }
    }
    if (dynamo != null) {
      dynamo.stop();
    }
    if (neo4j != null) {
      neo4j.close();
    }
    info.finished = now();
    info.loadAtEnd = Machine.loadAverage();
    write(results, info);
    Report.write(results, out);
    System.out.println("wrote " + out + " from " + results);
    System.exit(0);
  }

  /**
   * Names the server of {@code db} started in this JVM, {@code endpoint}, in {@code property}
   * here and in the forks' {@code jvmArgs}, and loads the fixture into it.
   */
  private static void share(Database db, String property, String endpoint,
      List<String> jvmArgs) {
    System.setProperty(property, endpoint);
    jvmArgs.add("-D" + property + "=" + endpoint);
    try (Environment env = Environment.open(db)) {
      env.reset(Workload.values());
    }
  }

  /** A JMH run: benchmarks (regexes over JMH's names) that take the same parameters. */
  record Group(String name, List<String> benchmarks, Map<String, List<String>> params,
      int measurements) {
    Group(String name, String benchmark, Map<String, List<String>> params, int measurements) {
      this(name, List.of(benchmark), params, measurements);
    }

    String log() {
      return "jmh-" + name + ".log";
    }

    /** This group with {@code overrides} for the parameters its suites declare. */
    Group withParams(Map<String, List<String>> overrides) {
      Map<String, List<String>> p = new LinkedHashMap<>(params);
      overrides.forEach((k, v) -> {
        // "ReadBench.impl=toasty,raw" applies to that suite only, "subscribers=64" to any
        int dot = k.indexOf('.');
        String suite = dot < 0 ? null : k.substring(0, dot);
        String param = k.substring(dot + 1);
        if (declares(suite, param)) {
          p.put(param, v);
        }
      });
      return new Group(name, benchmarks, p, measurements);
    }

    private boolean declares(String suite, String param) {
      return SUITES.stream()
          .filter(c -> suite == null || c.getSimpleName().equals(suite))
          .filter(c -> benchmarks.stream().anyMatch(b -> b.startsWith(c.getName() + "\\.")))
          // every suite's methods take Target, whose parameters (db, impl) they all have
          .anyMatch(c -> Stream.of(c.getDeclaredFields(),
                  Target.class.getDeclaredFields()).flatMap(Arrays::stream)
              .anyMatch(f -> f.getName().equals(param)
                  && f.isAnnotationPresent(Param.class)));
    }

    /** This group as round {@code r} of a repeated run: implementations reversed when odd. */
    Group round(int r) {
      Map<String, List<String>> p = new LinkedHashMap<>(params);
      if (r % 2 == 1 && p.containsKey("impl")) {
        List<String> impls = new ArrayList<>(p.get("impl"));
        Collections.reverse(impls);
        p.put("impl", impls);
      }
      return new Group(name + "-r" + r, benchmarks, p, measurements);
    }
  }

  /** The groups for {@code db}: per suite, the methods that the same implementations can run. */
  private static List<Group> groups(Database db, Mode mode, RunInfo info) {
    Map<Workload, List<String>> runnable = probe(db, info);
    List<Group> out = new ArrayList<>();
    for (Class<?> suite : SUITES) {
      Map<List<String>, List<String>> byImpls = new LinkedHashMap<>();
      for (Workload w : Workload.values()) {
        if (suiteOf(w) != suite || runnable.get(w).isEmpty()) {
          continue;
        }
        byImpls.computeIfAbsent(runnable.get(w), k -> new ArrayList<>()).add(w.method());
      }
      for (Map.Entry<List<String>, List<String>> e : byImpls.entrySet()) {
        boolean writes = e.getValue().stream().map(Workload::ofMethod).anyMatch(Workload::writes);
        String name = db.param() + "-" + suite.getSimpleName()
            + (byImpls.size() > 1 ? "-" + String.join("-", e.getKey()) : "");
        List<String> benchmarks = e.getValue().stream()
            .map(m -> suite.getName() + "\\." + m + "$").toList();
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("db", List.of(db.param()));
        params.put("impl", e.getKey());
        if (suite == ConcurrentBench.class) {
          params.put("subscribers", List.of("16", "64"));
        }
        out.add(new Group(name, benchmarks, params,
            writes && db.postgres() ? mode.postgresWriteMeasurements
                : mode.measurements));
      }
    }
    return out;
  }

  /**
   * Per workload, the implementations that can run it on {@code db}; records the others in
   * {@code info.skipped}. Nothing is loaded: a store is made and asked.
   */
  private static Map<Workload, List<String>> probe(Database db, RunInfo info) {
    Map<Workload, List<String>> runnable = new LinkedHashMap<>();
    for (Workload w : Workload.values()) {
      runnable.put(w, new ArrayList<>());
    }
    Optional<String> down = Machine.reachable(db);
    if (down.isPresent()) {
      for (Impl impl : Impl.on(db)) {
        info.skipped.add(new RunInfo.Skipped(db.param(), impl.param(), null, down.get()));
      }
      return runnable;
    }
    try (Environment env = Environment.open(db)) {
      for (Impl impl : Impl.on(db)) {
        try (Store store = env.store(impl)) {
          for (Workload w : Workload.values()) {
            Optional<String> why = store.unsupported(w);
            if (why.isPresent()) {
              info.skipped.add(new RunInfo.Skipped(db.param(), impl.param(), w.method(),
                  why.get()));
            } else {
              runnable.get(w).add(impl.param());
            }
          }
        } catch (UnsupportedOperationException e) {
          info.skipped.add(new RunInfo.Skipped(db.param(), impl.param(), null, e.getMessage()));
        }
      }
    }
    return runnable;
  }

  private static void plan(RunInfo info, Group g, String benchmark) {
    String name = benchmark.replace("\\.", ".").replace("$", "");
    if (g.params.containsKey("statement")) {
      for (String s : g.params.get("statement")) {
        info.planned.add(new RunInfo.Planned(name + ".coldPlan", null, null, s, g.log()));
        info.planned.add(new RunInfo.Planned(name + ".cacheHit", null, null, s, g.log()));
      }
      return;
    }
    for (String impl : g.params.get("impl")) {
      info.planned.add(new RunInfo.Planned(name, g.params.get("db").get(0), impl, null,
          g.log()));
    }
  }

  /** Runs one group; {@code jvmArgs} are appended to the forks' {@code -Xms2g -Xmx2g}. */
  private static void run(Group g, int round, Mode mode, String only, Path results,
      List<String> jvmArgs) throws RunnerException {
    List<String> forkArgs = new ArrayList<>(jvmArgs);
    // where ConcurrentBench writes its per-request latencies, and for which round
    forkArgs.add("-D" + Latencies.RESULTS + "=" + results.toAbsolutePath());
    forkArgs.add("-D" + Latencies.ROUND + "=" + round);
    ChainedOptionsBuilder o = new OptionsBuilder()
        .warmupIterations(mode.warmups)
        .warmupTime(TimeValue.seconds(mode.warmupSeconds))
        .measurementIterations(g.measurements)
        .measurementTime(TimeValue.seconds(mode.measurementSeconds))
        .forks(1)
        .threads(1)
        .jvmArgs("-Xms2g", "-Xmx2g")
        .jvmArgsAppend(forkArgs.toArray(new String[0]))
        .timeUnit(TimeUnit.MICROSECONDS)
        .mode(org.openjdk.jmh.annotations.Mode.AverageTime)
        .addProfiler(GCProfiler.class)
        .shouldFailOnError(false)
        .resultFormat(ResultFormatType.JSON)
        .result(results.resolve("jmh-" + g.name + ".json").toString())
        .output(results.resolve(g.log()).toString());
    for (String b : g.benchmarks) {
      if (only == null || b.matches(".*" + only + ".*")) {
        o.include(b);
      }
    }
    g.params.forEach((k, v) -> o.param(k, v.toArray(new String[0])));
    new Runner(o.build()).run();
    System.out.println("  results: " + results.resolve("jmh-" + g.name + ".json"));
  }

  private static void write(Path results, RunInfo info) throws IOException {
    JSON.writeValue(results.resolve("run.json").toFile(), info);
  }

  private static String now() {
    return ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument " + a);
      }
      String key = a.substring(2);
      if (key.equals("quick") || key.equals("full") || key.equals("short")) {
        out.put(key, "");
      } else if (i + 1 < args.length) {
        out.put(key, args[++i]);
      } else {
        throw new IllegalArgumentException(a + " needs a value");
      }
    }
    return out;
  }

  /**
   * {@code --param subscribers=64;ReadBench.impl=toasty,raw}: JMH parameters that replace the
   * suites' own, in every suite that declares them or in the one named.
   */
  private static Map<String, List<String>> paramOverrides(String spec) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (spec != null) {
      for (String kv : spec.split(";")) {
        String[] parts = kv.split("=", 2);
        out.put(parts[0].trim(), List.of(parts[1].split(",")));
      }
    }
    return out;
  }

  private static Class<?> suiteOf(Workload w) {
    return w.concurrent() ? ConcurrentBench.class : w.includes() ? IncludeBench.class
        : w.writes() ? WriteBench.class : ReadBench.class;
  }
}
