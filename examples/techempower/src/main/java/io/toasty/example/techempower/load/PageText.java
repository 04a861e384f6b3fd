package io.toasty.example.techempower.load;

import java.util.OptionalDouble;
import java.util.Properties;

/** The text of {@code docs/techempower.md} around a run's figures. */
final class PageText {
  private static final double SPRING_TARGET = 2.0;
  private static final double RAW_VERTX_TARGET = 1.15;

  private final Properties meta;
  private final RunSummary results;
  private final StringBuilder out = new StringBuilder();

  PageText(Properties meta, RunSummary results) {
    this.meta = meta;
    this.results = results;
  }

  String render(String snippet, String notes) {
    out.append(INTRO.strip()).append("\n\n");
    method(snippet);
    out.append("## Results\n\n");
    run();
    for (String test : TechEmpowerPage.TESTS) {
      table(test);
    }
    targets();
    if (!notes.isEmpty()) {
      out.append(notes);
    }
    out.append(REPRODUCE.strip()).append('\n');
    return out.toString();
  }

  private String m(String key) {
    return meta.getProperty(key, "?");
  }

  private void method(String snippet) {
    out.append(METHOD.strip().replace("{warmup}", m("warmup")).replace("{duration}", m("duration"))
        .replace("{rounds}", m("rounds")).replace("{queries}", m("queries"))
        .replace("{pool}", m("pool_size")).replace("{jit}", m("jit"))).append("\n\n");
    out.append("Toasty's code, the same on both transports (`ToastyWorldStore`):\n\n")
        .append(snippet).append('\n');
    out.append("The machine: ").append(m("cpu_model")).append(", ").append(m("nproc"))
        .append(" CPUs (nproc), ").append(m("memory")).append(" of memory, ").append(m("kernel"))
        .append("; ").append(m("java")).append(" (application flags `").append(m("app_flags"))
        .append("`); ").append(m("postgres")).append(" on the same machine. **The 2 cores are "
            + "shared by the application, the load generator and PostgreSQL** (and by whatever "
            + "else ran: see the load averages below), so the figures are far below what each "
            + "implementation does on a machine of its own, and they are worth comparing only "
            + "with each other.\n\n");
  }

  private void run() {
    out.append("Measured ").append(m("started")).append(" to ").append(m("finished"))
        .append(" at commit ").append(m("commit")).append("; ").append(m("rounds"))
        .append(" round(s) of ").append(m("warmup")).append(" s warm-up + ").append(m("duration"))
        .append(" s measured per cell. Load average ").append(m("loadavg_start"))
        .append(" at the start and ").append(m("loadavg_end"))
        .append(" at the end, on 2 cores.\n\n");
  }

  private void table(String test) {
    out.append("### ").append(TITLES[TechEmpowerPage.TESTS.indexOf(test)]).append("\n\n");
    StringBuilder head = new StringBuilder("| implementation |");
    StringBuilder rule = new StringBuilder("|---|");
    for (int c : results.connections()) {
      head.append(" req/s @").append(c).append(" | p50 ms | p99 ms |");
      rule.append("--:|--:|--:|");
    }
    head.append(" errors |");
    rule.append("--:|");
    out.append(head).append('\n').append(rule).append('\n');
    for (String impl : TechEmpowerPage.IMPLS) {
      out.append("| ").append(impl).append(" |");
      long errors = 0;
      for (int c : results.connections()) {
        out.append(' ').append(fmt(results.median(impl, test, c, TechEmpowerPage.Row::rps), 0))
            .append(" | ").append(fmt(results.median(impl, test, c, TechEmpowerPage.Row::p50), 1))
            .append(" | ").append(fmt(results.median(impl, test, c, TechEmpowerPage.Row::p99), 1))
            .append(" |");
        errors += results.errors(impl, test, c);
      }
      out.append(' ').append(errors).append(" |\n");
    }
    out.append('\n');
  }

  private void targets() {
    out.append("## Toasty against the targets\n\n");
    out.append("Toasty's faster transport in each round (by requests/s) against Spring Data R2DBC "
        + "(target: at least 2× on multiple queries and updates) and against raw vertx-pg-client "
        + "(target: raw vertx-pg-client's requests/s at most 1.15× Toasty's, on all four tests). "
        + "Each ratio is the median over rounds of that round's ratio.\n\n");
    out.append("| test | connections | faster Toasty | Toasty ÷ Spring Data | raw vertx ÷ Toasty "
        + "| target met |\n|---|--:|---|--:|--:|---|\n");
    for (String test : TechEmpowerPage.TESTS) {
      for (int c : results.connections()) {
        OptionalDouble spring = results.ratio("spring-data", test, c, false);
        OptionalDouble vertx = results.ratio("raw-vertx", test, c, true);
        boolean springCounts = test.equals("queries") || test.equals("updates");
        out.append("| ").append(test).append(" | ").append(c).append(" | ")
            .append(results.bestTransports(test, c)).append(" | ").append(fmt(spring, 2))
            .append(springCounts ? "" : " (no target)").append(" | ").append(fmt(vertx, 2))
            .append(" | ").append(verdict(springCounts ? spring : OptionalDouble.empty(), vertx))
            .append(" |\n");
      }
    }
    out.append('\n');
  }

  private static String verdict(OptionalDouble spring, OptionalDouble vertx) {
    StringBuilder v = new StringBuilder();
    if (spring.isPresent()) {
      v.append(spring.getAsDouble() >= SPRING_TARGET ? "2× Spring: yes"
          : "2× Spring: no (" + TechEmpowerPage.num(spring.getAsDouble(), 2) + "×)");
    }
    if (vertx.isPresent()) {
      v.append(v.length() == 0 ? "" : "; ").append(vertx.getAsDouble() <= RAW_VERTX_TARGET
          ? "1.15× raw vertx: yes" : "1.15× raw vertx: no (raw vertx "
              + TechEmpowerPage.num(vertx.getAsDouble(), 2) + "×)");
    }
    return v.toString();
  }

  private static String fmt(OptionalDouble v, int decimals) {
    return v.isPresent() ? TechEmpowerPage.num(v.getAsDouble(), decimals) : "—";
  }

  private static final String[] TITLES = {"Single query (`/db`)",
      "Multiple queries (`/queries?queries=20`)", "Fortunes (`/fortunes`)",
      "Updates (`/updates?queries=20`)"};

  private static final String INTRO = """
      # TechEmpower's database tests over WebFlux

      <!-- Written by examples/techempower/run.sh (io.toasty.example.techempower.load.TechEmpowerPage) from a run's results; edit the code or examples/techempower/page-notes.md, not this file: the next run replaces it. -->

      [TechEmpower's four database tests](https://github.com/TechEmpower/FrameworkBenchmarks/wiki/Project-Information-Framework-Tests-Overview)
      (single query, multiple queries, fortunes, updates) served by one Spring WebFlux application
      ([`examples/techempower`](../examples/techempower)) through five implementations of the
      same database work, each under its own path prefix (`/toasty-r2dbc/db`,
      `/raw-vertx/queries?queries=20`, ...). The HTTP side (routes, JSON, the fortunes page, the
      `Server` and `Date` headers) is one code for all five, so the implementations differ only in
      how they reach PostgreSQL.
      """;

  private static final String METHOD = """
      ## Method

      The implementations (`WorldStore` and its five classes):

      | prefix | what | reads | updates of a request |
      |---|---|---|---|
      | `toasty-r2dbc` | Toasty on the Spring Boot 4 starter's `Db`, over r2dbc-postgresql on Boot's r2dbc-pool | `Worlds.getById(db, id)`, `Fortunes.all().collect(db)` | one `Worlds.updateById(id).randomNumber(n)` per world, the request's in one `Toasty.batch(..)` (one transaction, in key order), which writes them with one `UPDATE .. CASE` |
      | `toasty-vertx` | the same code on a `Db` built from a `vertx:postgresql:` URL (Vert.x transport) | as above | as above |
      | `raw-r2dbc` | r2dbc-postgresql by hand on an r2dbc-pool `ConnectionPool` | one statement per read | one bulk `UPDATE .. CASE id WHEN .. END WHERE id IN (..)` |
      | `spring-data` | Spring Data R2DBC's `R2dbcEntityTemplate` | `select(..).matching(..).one()`, `select(..).all()` | `template.update(entity)` per world, concurrently |
      | `raw-vertx` | vertx-pg-client by hand on its `Pool`, prepared statements cached | `preparedQuery(..).execute(..)` | one bulk `UPDATE` as raw-r2dbc |

      Each has a pool of its own of {pool} connections. Both Toasty `Db`s run with coalescing off
      (`toasty.coalesce-gets/lists/updates=false`): TechEmpower demands one query per World read,
      and coalescing would merge the reads of concurrent requests into `IN` lists. The queries of one
      request run concurrently (`flatMap`), as the rules allow. Toasty over Vert.x pipelines
      (`DbBuilder.pipelineReads`, on by default; docs/design/pipelining.md): while its pool is
      saturated, the gets waiting for a connection are written together on the next one that
      comes back, each its own `SELECT`, and answered in one round trip. TechEmpower allows such
      query pipelining when the driver does it unseen by the application's code (its Round 17
      notes); the raw vertx-pg-client code here runs on an unpipelined `Pool` (Vert.x 5 offers a
      pipelined pool only through an internal class, `PgPoolOptions`), one statement per
      connection at a time, as the other implementations do. The rules also allow a bulk update
      per request: a batch writes consecutive updates by key of one shape with one `UPDATE ..
      CASE` statement (docs/batches.md, "Updates by key together"), so Toasty's twenty updates
      are one statement in one transaction, as the raw code's bulk update is. The
      fortunes page is
      written with a `StringBuilder` and an escaping function (`FortunesPage`), not a template
      engine as TechEmpower asks of its entries; it is the same code for all five.

      The build checks every implementation against TechEmpower's verifier rules (`*VerifierTest`:
      headers, JSON shapes, the `queries` parameter's clamping to 1..500, the fortunes page against
      TechEmpower's reference, updates read back from the database), and counts the statements of
      each request on the wire through a proxy in front of PostgreSQL (`StatementCountingProxy`):
      one per `/db`, twenty per `/queries?queries=20`, one per `/fortunes`, and for
      `/updates?queries=20` twenty reads plus one bulk update or twenty updates, twenty rows
      written.

      The load generator (`io.toasty.example.techempower.load.LoadGenerator`, Reactor Netty's
      `HttpClient` on one event-loop thread, in a JVM of its own) opens a fixed number of
      keep-alive connections to the loopback interface, each with one request in flight (the next
      sent when the previous response is read whole), like `wrk`. First every implementation ×
      test runs {jit} s unrecorded, so that the first cells do not pay for the JIT alone; then
      each cell (implementation × test × 64 or 256 connections) runs {warmup} s of warm-up and
      {duration} s measured; requests/s counts the successful responses sent and answered within
      the measured window, and p50/p99 are their latencies. The queries and updates tests use
      `queries={queries}`. With several rounds ({rounds} here), every cell runs once per round
      with the implementations' order reversed every other round; a table shows the median over
      rounds and a ratio is the median of the rounds' paired ratios. An error is a response other
      than 200 or a failed request.
      """;

  private static final String REPRODUCE = """
      ## How to reproduce

      With PostgreSQL on 127.0.0.1:5432 (user `postgres`, no password; the database
      `techempower` is created if absent), from the repository's root:

      ```
      mvn -q -B install -DskipTests
      examples/techempower/run.sh                                  # 5 s + 10 s per cell, 1 round
      examples/techempower/run.sh --warmup 10 --duration 30 --rounds 3
      ```

      The script starts the application on port 8080, waits until it answers, runs every cell,
      stops it and rewrites this page. Raw results (the CSV of every cell, the application's
      log, the run's facts) go to `examples/techempower/target/techempower/run-<time>/`
      (git-ignored). The verifier tests alone: `mvn -B -pl examples/techempower test`.
      """;
}
