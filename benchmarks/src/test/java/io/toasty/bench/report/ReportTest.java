package io.toasty.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page written from a results directory: tables, ratios, targets, what was not run. */
class ReportTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void writesTablesRatiosAndTargets(@TempDir Path dir) throws Exception {
    RunInfo info = new RunInfo();
    info.mode = "quick";
    info.settings = "test settings";
    info.loadAtStart = "1.0, 1.0, 1.0";
    info.loadAtEnd = "2.0, 2.0, 2.0";
    info.planned.add(new RunInfo.Planned("io.toasty.bench.ReadBench.get", "h2", "toasty", null,
        "jmh-h2.log"));
    info.planned.add(new RunInfo.Planned("io.toasty.bench.ReadBench.get", "h2", "raw", null,
        "jmh-h2.log"));
    info.planned.add(new RunInfo.Planned("io.toasty.bench.ReadBench.get", "h2", "spring", null,
        "jmh-h2.log"));
    info.skipped.add(new RunInfo.Skipped("h2", "toasty", "include", "no relations yet"));
    JSON.writeValue(dir.resolve("run.json").toFile(), info);
    Files.writeString(dir.resolve("jmh-h2.json"), "[" + result("ReadBench.get", "h2", "toasty",
        22.0, 1.5, 2048) + "," + result("ReadBench.get", "h2", "raw", 20.0, 1.0, 1024) + ","
        + result("PlanBench.cacheHit", null, null, 0.5, 0.01, 96) + "]");
    Files.writeString(dir.resolve("jmh-h2.log"), """
        # Benchmark: io.toasty.bench.ReadBench.get
        # Parameters: (db = h2, impl = spring)

        <failure>

        java.lang.IllegalStateException: get by key: expected A but got B
        \tat somewhere
        """);
    Path page = dir.resolve("benchmarks.md");

    Report.write(dir, page);

    String text = Files.readString(page);
    assertTrue(text.contains("Quick mode, taken while the machine was busy; not the reference "
        + "table."), text);
    assertTrue(text.contains("| get by key | 22.0 ± 1.5 | 20.0 ± 1.0 | failed¹ | 1.10 | — | — |"),
        text);
    assertTrue(text.contains("- get by key ≤ 1.05 × raw on H2 (in memory): **missed** (1.10 ×)"), text);
    assertTrue(text.contains("- plan-cache hit ≤ 2 µs: **met**"), text);
    assertTrue(text.contains("Toasty on H2 (in memory), include 1,000 parents × 10 children: "
        + "no relations yet"), text);
    assertTrue(text.contains("failed: java.lang.IllegalStateException: get by key: expected A "
        + "but got B"), text);
    assertTrue(text.contains("| get by key | 2.0 KB | 1.0 KB | — |"), text);
  }

  @Test
  void ratiosOfSeveralRoundsAreTheMedianOfEachRoundsRatio(@TempDir Path dir) throws Exception {
    RunInfo info = fullRun();
    info.groups.add(new RunInfo.GroupLoad("h2", "0.5, 0.4, 0.3", "1.5, 0.6, 0.4"));
    JSON.writeValue(dir.resolve("run.json").toFile(), info);
    // Round 1 sorts before round 0 by file name: the page must still show round 0's times.
    Files.writeString(dir.resolve("jmh-h2.json"), "[" + result("ReadBench.get", "h2", "toasty",
        22.0, 1.0, 2048) + "," + result("ReadBench.get", "h2", "raw", 20.0, 1.0, 1024) + "]");
    Files.writeString(dir.resolve("jmh-h2-r1.json"), "[" + result("ReadBench.get", "h2", "raw",
        30.0, 1.0, 1024) + "," + result("ReadBench.get", "h2", "toasty", 30.0, 1.0, 2048) + "]");
    Files.writeString(dir.resolve("jmh-h2-r2.json"), "[" + result("ReadBench.get", "h2",
        "toasty", 21.0, 1.0, 2048) + "," + result("ReadBench.get", "h2", "raw", 20.0, 1.0, 1024)
        + "]");
    Path page = dir.resolve("benchmarks.md");

    Report.write(dir, page);

    String text = Files.readString(page);
    // ratios 1.10, 1.00, 1.05: median 1.05, spread 1.00 to 1.10
    assertTrue(text.contains("| get by key | 22.0 ± 1.0 | 20.0 ± 1.0 | — | 1.05 (1.00–1.10) |"),
        text);
    assertTrue(text.contains("- get by key ≤ 1.05 × raw on H2 (in memory): **met** (1.05 ×)"), text);
    assertTrue(text.contains("`h2` 0.5, 0.4, 0.3 → 1.5, 0.6, 0.4"), text);
    assertEquals(2, Report.round("jmh-h2-ReadBench-toasty-raw-r2.json"));
    assertEquals(0, Report.round("jmh-h2-ReadBench-toasty-raw.json"));
  }

  @Test
  void concurrentWorkloadsAreThroughputAndP99(@TempDir Path dir) throws Exception {
    RunInfo info = fullRun();
    JSON.writeValue(dir.resolve("run.json").toFile(), info);
    // a burst of 64 gets: 640 µs for Toasty (100,000 req/s), 608 µs for raw, 1,280 for Spring
    Files.writeString(dir.resolve("jmh-pg-c.json"), "[" + concurrent("toasty", 640) + ","
        + concurrent("raw", 608) + "," + concurrent("spring", 1280) + "]");
    Files.writeString(dir.resolve("latency-getConcurrent-postgres-toasty-64-r0.json"),
        "{\"operations\": 1000, \"p50\": 300.0, \"p99\": 512.5, \"p999\": 900.0}");
    Path page = dir.resolve("benchmarks.md");

    Report.write(dir, page);

    String text = Files.readString(page);
    assertTrue(text.contains("| get by key | 64 | 100,000 | 513 | 105,263 | — | 50,000 | — | "
        + "0.95 | 2.00 |"), text);
    assertTrue(text.contains("- concurrent get by key on PostgreSQL (loopback), 64 subscribers: "
        + "throughput ≥ 0.95 × raw: **met** (0.95 ×)"), text);
    assertTrue(!text.contains("| get by key | 640"), "not in the single-thread table: " + text);
  }

  private static String concurrent(String impl, double score) {
    return result("ConcurrentBench.getConcurrent", "postgres", impl, score, 1.0, 1024)
        .replace("\"impl\": \"" + impl + "\"}", "\"impl\": \"" + impl
            + "\", \"subscribers\": \"64\"}");
  }

  @Test
  void aBatchIsComparedWithSequentialReadsAndABusyRunIsFlagged(@TempDir Path dir)
      throws Exception {
    RunInfo info = fullRun();
    info.cpus = 2;
    info.loadAtStart = "7.5, 6.0, 5.0";
    info.loadAtEnd = "1.0, 1.0, 1.0";
    JSON.writeValue(dir.resolve("run.json").toFile(), info);
    Files.writeString(dir.resolve("jmh-pg.json"), "[" + result("ReadBench.getFiveBatch",
        "postgres", "toasty", 300.0, 1.0, 1024) + "," + result("ReadBench.getFiveSequential",
        "postgres", "toasty", 600.0, 1.0, 1024) + "]");
    Path page = dir.resolve("benchmarks.md");

    Report.write(dir, page);

    String text = Files.readString(page);
    assertTrue(text.contains("- a batch of 5 key reads against 5 sequential reads, Toasty on "
        + "PostgreSQL (loopback): 0.50 × the time"), text);
    assertTrue(text.contains("**Taken while the machine was busy: not a reference table.** The "
        + "load average was 7.5, 6.0, 5.0 at the start"), text);
  }

  @Test
  void neo4jHasASectionOnlyWhenTheRunAskedForIt(@TempDir Path dir) throws Exception {
    RunInfo info = fullRun();
    JSON.writeValue(dir.resolve("run.json").toFile(), info);
    Files.writeString(dir.resolve("jmh-h2.json"), "[" + result("ReadBench.get", "h2", "toasty",
        22.0, 1.0, 2048) + "]");
    Path before = dir.resolve("before.md");
    Report.write(dir, before);
    String h2Only = Files.readString(before);
    assertTrue(!h2Only.contains("Neo4j"), "no Neo4j section, target or note: " + h2Only);
    assertTrue(h2Only.contains("## DynamoDB Local (loopback)\n\nNo results."), h2Only);

    info.skipped.add(new RunInfo.Skipped("neo4j", "spring", null, "no Bolt here"));
    JSON.writeValue(dir.resolve("run.json").toFile(), info);
    Files.writeString(dir.resolve("jmh-neo4j.json"), "[" + result("ReadBench.get", "neo4j",
        "toasty", 120.0, 1.0, 4096) + "," + result("ReadBench.get", "neo4j", "raw", 100.0, 1.0,
        2048) + "]");
    Path page = dir.resolve("benchmarks.md");
    Report.write(dir, page);

    String text = Files.readString(page);
    assertTrue(text.startsWith(h2Only.substring(0, h2Only.indexOf("## Planning"))), text);
    assertTrue(text.contains("| workload | Toasty µs/op | raw Neo4j ReactiveSession µs/op | "
        + "Toasty ÷ raw |"), text);
    assertTrue(text.contains("| get by key | 120 ± 1 | 100 ± 1 | 1.20 |"), text);
    assertTrue(text.contains("| get by key | 4.0 KB | 2.0 KB |"), text);
    assertTrue(text.contains("- Neo4j, get by key ≤ 1.3 × the raw driver's hand-written Cypher: "
        + "**met** (1.20 ×)"), text);
    assertTrue(text.contains("- Spring Data R2DBC on Neo4j 5.26 (in-process, Bolt on loopback): "
        + "no Bolt here"), text);
  }

  @Test
  void postgresOverVertxComparesToastyWithRawR2dbcAndRawVertx(@TempDir Path dir)
      throws Exception {
    RunInfo info = fullRun();
    JSON.writeValue(dir.resolve("run.json").toFile(), info);
    Files.writeString(dir.resolve("jmh-postgres-vertx.json"), "[" + result("ReadBench.get",
        "postgres-vertx", "toasty", 60.0, 1.0, 4096) + "," + result("ReadBench.get",
        "postgres-vertx", "raw", 80.0, 1.0, 2048) + "," + result("ReadBench.get",
        "postgres-vertx", "vertx", 50.0, 1.0, 1024) + "]");
    Path page = dir.resolve("benchmarks.md");

    Report.write(dir, page);

    String text = Files.readString(page);
    assertTrue(text.contains("## PostgreSQL (loopback), Toasty over Vert.x"), text);
    assertTrue(text.contains("| workload | Toasty µs/op | raw driver µs/op | raw vertx-pg-client "
        + "µs/op | Toasty ÷ raw | Toasty ÷ raw Vert.x |"), text);
    assertTrue(text.contains("| get by key | 60.0 ± 1.0 | 80.0 ± 1.0 | 50.0 ± 1.0 | 0.75 | 1.20 |"),
        text);
  }

  @Test
  void opensWithTheMethodAndKeepsTheHttpFigures(@TempDir Path dir) throws Exception {
    RunInfo info = fullRun();
    info.started = "2026-01-02T03:04:05Z";
    info.finished = "2026-01-02T04:05:06Z";
    info.commit = "abc1234";
    info.cpuModel = "Test CPU";
    info.cpus = 2;
    JSON.writeValue(dir.resolve("run.json").toFile(), info);
    Files.writeString(dir.resolve("jmh-h2.json"), "[" + result("ReadBench.get", "h2", "toasty",
        22.0, 1.0, 2048) + "]");
    Path page = dir.resolve("benchmarks.md");
    Files.writeString(page, "old page\n" + HttpSection.START + "\nhttp figures\n"
        + HttpSection.END + "\nold notes\n");

    Report.write(dir, page);

    String text = Files.readString(page);
    assertTrue(text.indexOf("## Method") < text.indexOf("## How to reproduce")
        && text.indexOf("## How to reproduce") < text.indexOf("## H2 (in memory)"), text);
    assertTrue(text.contains("- Machine: Test CPU, 2 CPUs (nproc)"), text);
    assertTrue(text.contains("## H2 (in memory)\n\nMeasured 2026-01-02T03:04:05Z to "
        + "2026-01-02T04:05:06Z at commit abc1234, full mode, 1 round.\n"), text);
    assertTrue(text.contains(HttpSection.START + "\nhttp figures\n" + HttpSection.END), text);
    assertTrue(!text.contains("old notes"), "the rest of the old page is replaced: " + text);
  }

  @Test
  void formatsThreeSignificantFigures() {
    assertEquals("1,234", Report.number(1234.4));
    assertEquals("56.8", Report.number(56.78));
    assertEquals("5.68", Report.number(5.678));
    assertEquals("0.568", Report.number(0.5678));
    assertEquals("2.0 KB", Report.bytes(2048));
  }

  /** The run information of a full run, nothing planned or skipped yet. */
  private static RunInfo fullRun() {
    RunInfo info = new RunInfo();
    info.mode = "full";
    info.settings = "test settings";
    return info;
  }

  private static String result(String benchmark, String db, String impl, double score,
      double error, double alloc) {
    String params = db == null ? "{\"statement\": \"get\"}"
        : "{\"db\": \"" + db + "\", \"impl\": \"" + impl + "\"}";
    return """
        {"jmhVersion": "1.37", "benchmark": "io.toasty.bench.%s", "mode": "avgt", "threads": 1,
         "forks": 1, "jvmArgs": ["-Xms2g", "-Xmx2g"], "jdkVersion": "17", "vmName": "VM",
         "vmVersion": "17+1", "warmupIterations": 2, "warmupTime": "1 s",
         "measurementIterations": 3, "measurementTime": "1 s", "params": %s,
         "primaryMetric": {"score": %s, "scoreError": %s, "scoreUnit": "us/op"},
         "secondaryMetrics": {"gc.alloc.rate.norm": {"score": %s, "scoreUnit": "B/op"}}}
        """.formatted(benchmark, params, score, error, alloc);
  }
}
