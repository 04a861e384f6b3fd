package io.toasty.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.toasty.bench.fixture.Database;
import io.toasty.bench.store.Impl;
import io.toasty.bench.store.Workload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes {@code docs/benchmarks.md} from a results directory: {@code run.json} (written by
 * {@code Main}), JMH's JSON results ({@code jmh-*.json}) and logs ({@code jmh-*.log}, read for
 * the reason a planned benchmark has no result). The page opens with the method and how to
 * reproduce it ({@link PageHeader}), then the run's figures, so that every run replaces it.
 */
public final class Report {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RunInfo info;
  private final List<Result> results;
  private final Map<String, String> failures;
  private final Map<String, Double> p99;
  private final HttpSection http;
  private final StringBuilder out = new StringBuilder();

  Report(RunInfo info, List<Result> results, Map<String, String> failures,
      Map<String, Double> p99, HttpSection http) {
    this.info = info;
    this.results = results;
    this.failures = failures;
    this.p99 = p99;
    this.http = http;
  }

  /** Reads {@code results} and writes the page to {@code page}. */
  public static void write(Path results, Path page) throws IOException {
    RunInfo info = JSON.readValue(results.resolve("run.json").toFile(), RunInfo.class);
    List<Result> all = new ArrayList<>();
    Map<String, String> logs = new LinkedHashMap<>();
    Map<String, Double> p99 = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(results)) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString();
        if (name.startsWith("jmh-") && name.endsWith(".json") && Files.size(f) > 0) {
          int round = round(name);
          for (JsonNode n : JSON.readTree(f.toFile())) {
            all.add(Result.of(n, round));
          }
        } else if (name.startsWith("jmh-") && name.endsWith(".log")) {
          logs.put(name, Files.readString(f, StandardCharsets.UTF_8));
        } else if (name.startsWith("latency-") && name.endsWith(".json")) {
          p99.put(name.substring("latency-".length(), name.length() - ".json".length()),
              JSON.readTree(f.toFile()).path("p99").asDouble(Double.NaN));
        }
      }
    }
    Map<String, String> failures = failures(info, all, logs);
    String text = new Report(info, all, failures, p99, HttpSection.keptFrom(page))
        .render();
    if (page.getParent() != null) {
      Files.createDirectories(page.getParent());
    }
    Files.writeString(page, text, StandardCharsets.UTF_8);
  }

  /** The round a result file holds: {@code jmh-<group>-r<k>.json} is round k, others 0. */
  static int round(String fileName) {
    Matcher m = java.util.regex.Pattern.compile("-r(\\d+)\\.json$")
        .matcher(fileName);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  /** Per planned benchmark without a result (by {@link #key}), the reason its log gives. */
  static Map<String, String> failures(RunInfo info, List<Result> results,
      Map<String, String> logs) {
    Map<String, String> out = new LinkedHashMap<>();
    for (RunInfo.Planned p : info.planned) {
      String[] parts = p.benchmark.split("\\.");
      String method = parts[parts.length - 1];
      boolean found = results.stream().anyMatch(r -> r.method().equals(method)
          && Objects.equals(r.db(), p.db) && Objects.equals(r.impl(), p.impl)
          && Objects.equals(r.statement(), p.statement));
      if (!found) {
        out.put(key(method, p.db, p.impl, p.statement),
            reason(logs.get(p.log), p.benchmark, p.db, p.impl, p.statement));
      }
    }
    return out;
  }

  static String key(String method, String db, String impl, String statement) {
    return method + "|" + db + "|" + impl + "|" + statement;
  }

  /** The first line after {@code <failure>} in the log's section for this benchmark. */
  private static String reason(String log, String benchmark, String db, String impl,
      String statement) {
    if (log == null) {
      return "not run (no log)";
    }
    String params = statement != null ? "(statement = " + statement + ")"
        : "(db = " + db + ", impl = " + impl + ")";
    for (String section : log.split("# Benchmark: ")) {
      if (!section.startsWith(benchmark + "\n") || !section.contains("# Parameters: " + params)) {
        continue;
      }
      int failure = section.indexOf("<failure>");
      if (failure < 0) {
        return "no result (the run was interrupted?)";
      }
      for (String line : section.substring(failure + "<failure>".length()).split("\n")) {
        if (!line.isBlank()) {
          return "failed: " + line.trim();
        }
      }
      return "failed";
    }
    return "not run (interrupted before it started)";
  }

  // ---- the page --------------------------------------------------------------------------

  String render() {
    line("# Benchmarks");
    line();
    line("<!-- Written by benchmarks/run.sh (io.toasty.bench.report.Report) from a run's results;"
        + " edit the code, not this file: the next run replaces it. -->");
    line();
    new PageHeader(info, results.stream().map(Result::jvm).findFirst(), out).render();
    warnings();
    for (Database db : Database.values()) {
      if (db.alwaysListed() || inRun(db)) {
        database(db);
      }
    }
    planning();
    targets();
    notMeasured();
    run();
    http.render(out);
    line(DESCRIPTION.strip());
    if (inRun(Database.NEO4J)) {
      line();
      line(NEO4J_DESCRIPTION.strip());
    }
    return out.toString();
  }

  /** Says so above the figures when they come from a busy machine or quick mode. */
  private void warnings() {
    if (!"quick".equals(info.mode) && busy()) {
      line("> **Taken while the machine was busy: not a reference table.** The load average was "
          + info.loadAtStart + " at the start and " + info.loadAtEnd + " at the end on " + info.cpus
          + " cores (see each group's under \"The run\"), so times are noisy and a ratio can be "
          + "off by tens of per cent even as the median of alternating rounds.");
      line();
    }
    if ("quick".equals(info.mode)) {
      line("> **Quick mode, taken while the machine was busy; not the reference table.** "
          + "Quick mode (" + info.settings + ") proves the pipeline end to end; its warmup is "
          + "too short for this machine and the load average was " + info.loadAtStart
          + " at the start and " + info.loadAtEnd + " at the end (2 cores), so every figure "
          + "below is noisy and ratios can be off by tens of per cent. The reference table "
          + "comes from `benchmarks/run.sh` (full mode) on a quiet machine.");
      line();
    }
  }

  /** Where a database's figures come from: on a merged page, sections differ in this line. */
  private void source() {
    int rounds = results.stream().mapToInt(Result::round).max().orElse(0) + 1;
    line("Measured " + info.started + " to " + info.finished + " at commit " + info.commit + ", "
        + info.mode + " mode, " + rounds + (rounds == 1 ? " round." : " alternating rounds."));
    line();
  }

  /** Whether the run asked for {@code db}: it has results, planned forks or skips there. */
  private boolean inRun(Database db) {
    String p = db.param();
    return results.stream().anyMatch(r -> p.equals(r.db()))
        || info.planned.stream().anyMatch(x -> p.equals(x.db))
        || info.skipped.stream().anyMatch(x -> p.equals(x.db));
  }

  /** Whether the 1-minute load average at the start or the end exceeded the cores. */
  private boolean busy() {
    return load(info.loadAtStart) > info.cpus || load(info.loadAtEnd) > info.cpus;
  }

  private static double load(String average) {
    try {
      return average == null ? 0 : Double.parseDouble(average.split(",")[0].trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static List<Impl> columns(Database db) {
    return Impl.on(db);
  }

  private void database(Database db) {
    List<Impl> impls = columns(db);
    boolean any = results.stream().anyMatch(r -> db.param().equals(r.db()));
    line("## " + db.label());
    line();
    if (!any) {
      line("No results" + skippedDatabase(db).map(r -> ": " + r).orElse(".") );
      line();
      return;
    }
    StringBuilder head = new StringBuilder("| workload |");
    StringBuilder rule = new StringBuilder("|---|");
    for (Impl i : impls) {
      head.append(' ').append(label(db, i)).append(" µs/op |");
      rule.append("--:|");
    }
    List<Impl[]> ratios = new ArrayList<>();
    ratios.add(new Impl[] {Impl.TOASTY, Impl.RAW});
    if (impls.contains(Impl.SPRING)) {
      ratios.add(new Impl[] {Impl.TOASTY, Impl.SPRING});
      ratios.add(new Impl[] {Impl.SPRING, Impl.RAW});
    }
    if (impls.contains(Impl.VERTX)) {
      ratios.add(new Impl[] {Impl.TOASTY, Impl.VERTX});
    }
    for (Impl[] r : ratios) {
      head.append(' ').append(shortLabel(r[0])).append(" ÷ ").append(shortLabel(r[1]))
          .append(" |");
      rule.append("--:|");
    }
    source();
    line(head.toString());
    line(rule.toString());
    for (Workload w : Workload.values()) {
      if (w.concurrent() || impls.stream().allMatch(i -> find(w.method(), db, i).isEmpty()
          && !failures.containsKey(key(w.method(), db.param(), i.param(), null)))) {
        continue;
      }
      StringBuilder row = new StringBuilder("| " + w.label() + " |");
      for (Impl i : impls) {
        row.append(' ').append(find(w.method(), db, i).map(Report::time).orElse(missing(w, db, i)))
            .append(" |");
      }
      for (Impl[] r : ratios) {
        row.append(' ').append(ratio(w.method(), db, r[0], r[1])).append(" |");
      }
      line(row.toString());
    }
    line();
    line("Allocated per operation (`-prof gc`, `gc.alloc.rate.norm`):");
    line();
    StringBuilder ahead = new StringBuilder("| workload |");
    StringBuilder arule = new StringBuilder("|---|");
    for (Impl i : impls) {
      ahead.append(' ').append(label(db, i)).append(" |");
      arule.append("--:|");
    }
    line(ahead.toString());
    line(arule.toString());
    for (Workload w : Workload.values()) {
      if (w.concurrent() || impls.stream().allMatch(i -> find(w.method(), db, i).isEmpty())) {
        continue;
      }
      StringBuilder row = new StringBuilder("| " + w.label() + " |");
      for (Impl i : impls) {
        row.append(' ').append(find(w.method(), db, i).map(r -> bytes(r.allocated()))
            .orElse("—")).append(" |");
      }
      line(row.toString());
    }
    line();
    new ConcurrentTable(db, impls, results, p99, out).render();
  }

  private static String label(Database db, Impl i) {
    if (i != Impl.RAW || db.sql()) {
      return i.label();
    }
    return db == Database.NEO4J ? "raw Neo4j ReactiveSession" : "raw DynamoDbAsyncClient";
  }

  /** The implementation as a ratio column names it. */
  static String shortLabel(Impl i) {
    return switch (i) {
      case TOASTY -> "Toasty";
      case RAW -> "raw";
      case SPRING -> "Spring";
      case VERTX -> "raw Vert.x";
    };
  }

  private String missing(Workload w, Database db, Impl i) {
    String failure = failures.get(key(w.method(), db.param(), i.param(), null));
    if (failure != null) {
      return "failed¹";
    }
    return "—";
  }

  /** Round 0's result: times and allocations on the page are the first round's. */
  private Optional<Result> find(String method, Database db, Impl impl) {
    return results.stream().filter(r -> r.round() == 0 && r.method().equals(method)
        && db.param().equals(r.db()) && impl.param().equals(r.impl())).findFirst();
  }

  /**
   * The ratio of {@code a}'s time to {@code b}'s: with several rounds, the median of the rounds'
   * ratios (each round ran both forks one after the other, in alternating order), so that a
   * load that drifts during the run moves both sides of each ratio alike.
   */
  private Optional<Double> ratioValue(String method, Database db, Impl a, Impl b) {
    return ratios(method, db, a, b).median();
  }

  /** Toasty's allocation per operation over raw's: the median of the rounds' ratios. */
  private Optional<Double> allocationRatio(String method, Database db) {
    return Ratios.of(roundAllocations(method, db, Impl.TOASTY),
        roundAllocations(method, db, Impl.RAW)).median();
  }

  private Map<Integer, Double> roundAllocations(String method, Database db, Impl impl) {
    return perRound(results, method, db, impl, null, Result::allocated);
  }

  private Ratios ratios(String method, Database db, Impl a, Impl b) {
    return Ratios.of(roundScores(method, db, a), roundScores(method, db, b));
  }

  private Map<Integer, Double> roundScores(String method, Database db, Impl impl) {
    return roundScores(results, method, db, impl, null);
  }

  /**
   * Per round, the time of {@code method} on {@code db} by {@code impl} (with that many
   * {@code subscribers}, when not null).
   */
  static Map<Integer, Double> roundScores(List<Result> results, String method, Database db,
      Impl impl, String subscribers) {
    return perRound(results, method, db, impl, subscribers, Result::score);
  }

  /** Per round, {@code figure} of the first result of that round (NaN figures left out). */
  private static Map<Integer, Double> perRound(List<Result> results, String method, Database db,
      Impl impl, String subscribers, ToDoubleFunction<Result> figure) {
    Map<Integer, Double> out = new TreeMap<>();
    results.stream().filter(r -> r.method().equals(method) && db.param().equals(r.db())
            && impl.param().equals(r.impl())
            && (subscribers == null || subscribers.equals(r.subscribers()))
            && !Double.isNaN(figure.applyAsDouble(r)))
        .forEach(r -> out.putIfAbsent(r.round(), figure.applyAsDouble(r)));
    return out;
  }

  private String ratio(String method, Database db, Impl a, Impl b) {
    return ratios(method, db, a, b).format();
  }

  private Optional<String> skippedDatabase(Database db) {
    return info.skipped.stream().filter(s -> db.param().equals(s.db) && s.workload == null)
        .map(s -> s.reason).findFirst();
  }

  private void planning() {
    List<Result> plans = results.stream().filter(r -> r.suite().equals("PlanBench")).toList();
    line("## Planning, no database");
    line();
    if (plans.isEmpty()) {
      line("No results.");
      line();
      return;
    }
    source();
    line("`Planner.compile(Parameterize.of(statement))` (every phase: verify, simplify, lower, "
        + "plan, actions) against `Planner.prepare(statement)` with the plan cached "
        + "(parameterize, then a lookup by shape), on H2's capability.");
    line();
    line("| statement | cold plan µs/op | plan-cache hit µs/op | cold ÷ hit | cold B/op | hit B/op |");
    line("|---|--:|--:|--:|--:|--:|");
    for (String s : List.of("get", "filterHundred", "insertOne", "updateByKey")) {
      Optional<Result> cold = plans.stream().filter(r -> r.method().equals("coldPlan")
          && s.equals(r.statement())).findFirst();
      Optional<Result> hit = plans.stream().filter(r -> r.method().equals("cacheHit")
          && s.equals(r.statement())).findFirst();
      if (cold.isEmpty() && hit.isEmpty()) {
        continue;
      }
      String ratio = cold.isPresent() && hit.isPresent()
          ? String.format(Locale.ROOT, "%.1f", cold.get().score() / hit.get().score()) : "—";
      line("| " + Workload.ofMethod(s).label() + " | " + cold.map(Report::time).orElse("—")
          + " | " + hit.map(Report::time).orElse("—") + " | " + ratio + " | "
          + cold.map(r -> bytes(r.allocated())).orElse("—") + " | "
          + hit.map(r -> bytes(r.allocated())).orElse("—") + " |");
    }
    line();
  }

  private void targets() {
    line("## Targets");
    line();
    line("The project's performance targets (not gates), judged on this run's figures"
        + ("quick".equals(info.mode) ? " — quick mode, so only indicative" : "") + ":");
    line();
    // Toasty ÷ raw as the median of the rounds' ratios.
    for (Database db : List.of(Database.H2, Database.POSTGRES)) {
      target("get by key ≤ 1.05 × raw on " + db.label(), ratioValue("get", db, Impl.TOASTY,
          Impl.RAW), 1.05, true);
      target("100-row list ≤ 1.10 × raw on " + db.label(), ratioValue("filterHundred", db,
          Impl.TOASTY, Impl.RAW), 1.10, true);
      target("10,000-row list ≤ 1.15 × raw on " + db.label(), ratioValue("filterTenThousand",
          db, Impl.TOASTY, Impl.RAW), 1.15, true);
      // per row: the 10,000-row list's allocation is 10,000 rows and one statement
      target("allocation per row within 10 % of raw on " + db.label() + " (10,000-row list)",
          allocationRatio("filterTenThousand", db), 1.10, true);
    }
    target("include 1,000 × 10 ≤ 1.10 × the hand-written two queries on PostgreSQL",
        ratioValue("include", Database.POSTGRES, Impl.TOASTY, Impl.RAW), 1.10, true);
    target("include 1,000 × 10 ≤ 1.10 × the hand-written two queries on H2",
        ratioValue("include", Database.H2, Impl.TOASTY, Impl.RAW), 1.10, true);
    target("DynamoDB, 1 row from the index ≤ 1.3 × the raw client's index Query",
        ratioValue("filterOneFromIndex", Database.DYNAMO, Impl.TOASTY, Impl.RAW), 1.3, true);
    target("DynamoDB, 100 rows from the index ≤ 1.5 × the raw client's index Query",
        ratioValue("filterHundredFromIndex", Database.DYNAMO, Impl.TOASTY, Impl.RAW), 1.5,
        true);
    if (inRun(Database.NEO4J)) {
      target("Neo4j, get by key ≤ 1.3 × the raw driver's hand-written Cypher",
          ratioValue("get", Database.NEO4J, Impl.TOASTY, Impl.RAW), 1.3, true);
      target("Neo4j, 100-row list ≤ 1.3 × the raw driver's hand-written Cypher",
          ratioValue("filterHundred", Database.NEO4J, Impl.TOASTY, Impl.RAW), 1.3, true);
    }
    // Throughput at least 0.8 × raw: time at most raw's / 0.8.
    target("10,000-row insert at ≥ 0.8 × raw's throughput on H2 (time ≤ 1.25 × raw)",
        ratioValue("insertMany", Database.H2, Impl.TOASTY, Impl.RAW), 1.25, true);
    target("10,000-row insert at ≥ 0.8 × raw's throughput on PostgreSQL (time ≤ 1.25 × raw)",
        ratioValue("insertMany", Database.POSTGRES, Impl.TOASTY, Impl.RAW), 1.25, true);
    for (Database db : List.of(Database.H2, Database.POSTGRES)) {
      ConcurrentTable t = new ConcurrentTable(db, columns(db), results, p99, out);
      for (Workload w : Workload.values()) {
        if (!w.concurrent()) {
          continue;
        }
        target("concurrent " + w.label() + " on " + db.label() + ", 64 subscribers: throughput "
            + "≥ 0.95 × raw", t.throughputRatio(w, "64", Impl.RAW).median(), 0.95, false);
        target("concurrent " + w.label() + " on " + db.label() + ", 64 subscribers: throughput "
            + "≥ 1.5 × Spring Data R2DBC", t.throughputRatio(w, "64", Impl.SPRING).median(),
            1.5, false);
      }
    }
    for (Database db : Database.values()) {
      Ratios batch = Ratios.of(roundScores("getFiveBatch", db, Impl.TOASTY),
          roundScores("getFiveSequential", db, Impl.TOASTY));
      batch.median().ifPresent(r -> line("- a batch of 5 key reads against 5 sequential reads, "
          + "Toasty on " + db.label() + ": " + batch.format() + " × the time (below 1.00 the "
          + "batch is faster)"));
    }
    List<Result> hits = results.stream().filter(r -> r.method().equals("cacheHit")).toList();
    if (hits.isEmpty()) {
      line("- plan-cache hit ≤ 2 µs: not measured");
    } else {
      double worst = hits.stream().mapToDouble(Result::score).max().orElseThrow();
      line(String.format(Locale.ROOT, "- plan-cache hit ≤ 2 µs: **%s** (slowest statement "
          + "%.2f µs)", worst <= 2 ? "met" : "missed", worst));
    }
    int faster = 0;
    int rows = 0;
    List<String> slower = new ArrayList<>();
    for (Database db : Database.values()) {
      if (!db.sql()) {
        continue;
      }
      for (Workload w : Workload.values()) {
        if (w.concurrent()) {
          continue; // in the concurrent targets above, per number of subscribers
        }
        Optional<Double> r = ratioValue(w.method(), db, Impl.TOASTY, Impl.SPRING);
        if (r.isPresent()) {
          rows++;
          if (r.get() < 1) {
            faster++;
          } else {
            slower.add(String.format(Locale.ROOT, "%s on %s, %.2f", w.label(), db.label(),
                r.get()));
          }
        }
      }
    }
    if (rows == 0) {
      line("- faster than Spring Data R2DBC in every row: not measured");
    } else {
      line("- faster than Spring Data R2DBC in every row: **" + (faster == rows ? "met" : "missed")
          + "** (" + faster + " of " + rows + " rows measured" + (slower.isEmpty() ? ""
          : "; slower: " + String.join("; ", slower)) + ")");
    }
    line();
  }

  private void target(String name, Optional<Double> ratio, double limit, boolean atMost) {
    if (ratio.isEmpty()) {
      line("- " + name + ": not measured");
      return;
    }
    boolean met = atMost ? ratio.get() <= limit : ratio.get() >= limit;
    line(String.format(Locale.ROOT, "- %s: **%s** (%.2f ×)", name, met ? "met" : "missed",
        ratio.get()));
  }

  private void notMeasured() {
    if (info.skipped.isEmpty() && failures.isEmpty()) {
      return;
    }
    line("## Not measured");
    line();
    for (RunInfo.Skipped s : info.skipped) {
      line("- " + Impl.of(s.impl).label() + " on " + Database.of(s.db).label()
          + (s.workload == null ? "" : ", " + Workload.ofMethod(s.workload).label()) + ": "
          + s.reason);
    }
    for (Map.Entry<String, String> f : failures.entrySet()) {
      String[] k = f.getKey().split("\\|");
      String what = "null".equals(k[1]) ? "planning, " + k[3] + ", " + k[0]
          : Impl.of(k[2]).label() + " on " + Database.of(k[1]).label() + ", "
              + Workload.ofMethod(k[0]).label();
      line("- ¹ " + what + ": " + f.getValue());
    }
    line();
  }

  private void run() {
    line("## The run");
    line();
    Optional<Result.Jvm> jvm = results.stream().map(Result::jvm).findFirst();
    line("- Mode: " + info.mode + "; " + info.settings + ".");
    line("- Started " + info.started + ", finished " + info.finished + "; load average "
        + info.loadAtStart + " at the start, " + info.loadAtEnd + " at the end.");
    jvm.ifPresent(j -> {
      line("- Databases: H2 2.4.240 through r2dbc-h2 1.1.0 in the benchmark's JVM, with "
          + "`OPTIMIZE_REUSE_RESULTS=FALSE` (H2 otherwise returns the cached result of a query "
          + "repeated with the same parameters, which rewards an implementation for sending the "
          + "same query each iteration); PostgreSQL on 127.0.0.1:5432 through r2dbc-postgresql 1.1.1 (schema `toasty_bench` of "
          + "database `test`); DynamoDB Local 2.6.1 (in memory) in the runner's JVM, a process "
          + "apart from the measured forks, loaded once; AWS SDK 2.54.15 with the Netty "
          + "client. Pools: r2dbc-pool, at most 10 connections, for every "
          + "implementation." + (inRun(Database.NEO4J) ? " Neo4j 5.26 (neo4j-harness, in "
          + "memory) in the runner's JVM, loaded once, reached over Bolt on loopback by the "
          + "Neo4j Java driver 5.28, whose pool holds at most 10 connections for both "
          + "implementations." : ""));
    });
    line("- Source: commit " + info.commit + ".");
    if (!info.groups.isEmpty()) {
      line("- Load average (1, 5, 15 min) before → after each group: " + info.groups.stream()
          .map(g -> "`" + g.group + "` " + g.loadBefore + " → " + g.loadAfter)
          .collect(Collectors.joining("; ")) + ".");
    }
    line();
  }

  // ---- formatting --------------------------------------------------------------------------

  static String time(Result r) {
    return number(r.score()) + (Double.isNaN(r.error()) ? "" : " ± " + number(r.error(),
        r.score()));
  }

  /** Three significant figures, at least no decimals, with thousands separated. */
  static String number(double v) {
    return number(v, v);
  }

  private static String number(double v, double scale) {
    double a = Math.abs(scale);
    String pattern = a >= 100 ? "%,.0f" : a >= 10 ? "%,.1f" : a >= 1 ? "%,.2f" : "%,.3f";
    return String.format(Locale.ROOT, pattern, v);
  }

  static String bytes(double b) {
    if (Double.isNaN(b)) {
      return "—";
    }
    if (b >= 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f MB", b / 1024 / 1024);
    }
    if (b >= 1024) {
      return String.format(Locale.ROOT, "%.1f KB", b / 1024);
    }
    return String.format(Locale.ROOT, "%.0f B", b);
  }

  private void line(String s) {
    out.append(s).append('\n');
  }

  private void line() {
    out.append('\n');
  }

  private static final String DESCRIPTION = """
      ## What is measured

      One model, the same rows and the same record for every implementation
      (`benchmarks/src/main/java/io/toasty/bench`): `users` holds 20,000 rows (`id`, `name`,
      `email` unique, `team` indexed with 100 users each, `region` indexed with 10,000 users
      each, `score`); `authors` holds 2,000 rows and `books` 10 per author (`author_id`
      indexed). The tables are created by the benchmark with the same columns and indexes
      Toasty's models declare; ids are database identities.

      | workload | what runs |
      |---|---|
      | get by key | the user with a given id (a different id each call) |
      | filter, 1 / 100 / 10,000 rows | users by `email` / `team` / `region`, collected into a list |
      | filter, 1 / 100 rows, items from the index | DynamoDB only: the same by `email` / `team` with Toasty's `eventuallyConsistent()` (one GSI Query returning the items) against the raw client's Query on the index |
      | insert 1 row | one user, returned with the id the database assigned |
      | insert 10,000 rows | 10,000 users atomically, returned with their ids, in order; deleted after each call, outside the measurement |
      | update by key | set `score` of a given id; the number of rows updated |
      | include 1,000 parents × 10 children | authors 1 to 1,000, each with its 10 books |
      | 5 key reads, one after another / in one batch | users n to n + 4 by key: five gets in sequence, or Toasty's typed batch of the five (one transaction on SQL, one TransactGetItems on DynamoDB) |
      | createAll / multi-row inserts, 100,000 rows | Toasty's `createAll` stream (chunked multi-row INSERTs, each chunk atomic) against the raw driver's best: the same chunks as multi-row statements with bind markers |
      | concurrent: get by key, filter, 100 rows, update by key | a burst of 16 or 64 requests subscribed at once (`flatMap` with that concurrency) on a pool of 10, on different keys; throughput is the burst's size over its time, p99 the 99th percentile of one request's latency in the measurement iterations |

      | implementation | how |
      |---|---|
      | Toasty | the generated entry classes over a `Db`, as the guide shows: `Users.getById(db, id)`, `Users.filterByTeam(t).collect(db)`, `Users.create()...exec(db)`, `Users.createMany(..).exec(db)` (one multi-row INSERT on SQL), `Users.updateById(id).score(s).exec(db)`; the include is `LinkedAuthors.filter(ID.le(1000)).include(LinkedAuthors.BOOKS)` over the same tables (records with a `HasMany`/`BelongsTo` relation), which each implementation returns as its own records (Toasty's `LinkedAuthor`s with their books loaded; the others' `AuthorWithBooks`), turned into one form for the check outside the measured span |
      | raw driver | R2DBC by hand: a pooled connection per operation, SQL text built once with bind markers, columns read by position into the record; inserts ask for the generated id (`returnGeneratedValues("id")`); the 10,000-row insert is one statement with 10,000 bindings (R2DBC's batch) in a transaction; the include is two queries on one connection (the parents, then `author_id IN (...)` with their ids) joined in a map |
      | Spring Data R2DBC | 4.1.0 with Spring 7.0: `R2dbcEntityTemplate` (`selectOne`, `select`, `insert`, `update`) with plain identifiers; the 10,000-row insert is the repository's `saveAll` in a `TransactionalOperator`; the include loads the parents with the template, then calls a derived repository query (`findByAuthorId`) per parent, in order |
      | raw vertx-pg-client | database `postgres-vertx` only, where Toasty runs over its Vert.x transport (`vertx:postgresql:` URL) on the same tables, against raw R2DBC and this: vertx-pg-client 5 by hand, a Vert.x `Pool` of 10 with prepared statements cached per connection (as the transport caches them), `pool.preparedQuery(sql).execute(tuple)` with SQL text built once, each result whole in one `RowSet` read by position into the record; inserts `RETURNING id`, the 10,000-row insert one `executeBatch` in `withTransaction`; the include the raw R2DBC one's two queries on one connection (`withConnection`) |
      | raw `DynamoDbAsyncClient` | on the tables Toasty's DynamoDB driver lays out (`users`, a global secondary index per model index with every attribute projected, and `users.unique` with an item per email): GetItem; Query on the index, following pages; an insert is a TransactWriteItems of the user and its email's uniqueness item, both conditional, as Toasty writes it; 10,000 users go 50 to a transaction, four in flight (atomic per 50 rows: DynamoDB allows 100 items per transaction); UpdateItem with `attribute_exists(id)`. DynamoDB assigns no ids: both DynamoDB implementations set them from a counter |

      Every insert returns the generated id, so Spring Data's `RETURNING id` is matched by the
      raw and Toasty inserts. The benchmark thread blocks on each operation; nothing runs
      concurrently, so a time is the latency of one operation through the whole stack (pool,
      driver, mapping), and on H2 mostly CPU: there the libraries' overhead is most visible.
      """;

  /** What runs on Neo4j: on the page only when the run asked for Neo4j. */
  private static final String NEO4J_DESCRIPTION = """
      On Neo4j the same rows are nodes, laid out as Toasty's Neo4j driver lays out the models: a
      label per table (`users`, `authors`, `books`), a property per column, a uniqueness
      constraint on each key and on `email`, a range index on `team`, `region` and `author_id`;
      a book refers to its author by its `author_id` property, as Toasty stores a `BelongsTo`
      on Neo4j today. Toasty runs the same entry classes over a `bolt://` URL (each read one
      auto-commit Cypher statement on a reactive session; the include one further query by the
      parents' keys). The raw Neo4j Java driver 5.28 is used by hand: a `ReactiveSession` per
      operation, one auto-commit statement of hand-written Cypher with its values as
      parameters (`MATCH (u:users {id: $v}) RETURN u.id, u.name, ..`; no `MERGE`), properties
      read by position; its include is one statement, the authors by `a.id <= $v` and
      `OPTIONAL MATCH (b:books {author_id: a.id})`, the flat rows joined in a map. Writes and
      the concurrent workloads are not measured on Neo4j yet (listed under "Not measured").
      """;
}
