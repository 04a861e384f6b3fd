package io.toasty.bench.report;

import java.util.List;
import java.util.Optional;

/**
 * The opening of {@code docs/benchmarks.md}: the method (what is measured, how rounds pair the
 * implementations, the machine) and how to reproduce the figures. The text is fixed but for the
 * machine facts, which come from the run, so that a reader can judge the figures below it.
 */
final class PageHeader {
  private final RunInfo info;
  private final Optional<Result.Jvm> jvm;
  private final StringBuilder out;

  PageHeader(RunInfo info, Optional<Result.Jvm> jvm, StringBuilder out) {
    this.info = info;
    this.jvm = jvm;
    this.out = out;
  }

  void render() {
    out.append(METHOD.strip()).append("\n\n");
    out.append("- Machine: ").append(info.cpuModel).append(", ").append(info.cpus)
        .append(" CPUs (nproc), ").append(info.memory).append(" of memory, ").append(info.kernel)
        .append(".\n");
    jvm.ifPresent(j -> {
      List<String> flags = j.jvmArgs().stream().filter(a -> !a.startsWith("-Dbench.")).toList();
      out.append("- JVM: ").append(j.vmName()).append(' ').append(j.vmVersion())
          .append(" (JDK ").append(j.jdkVersion()).append("), flags ")
          .append(flags.isEmpty() ? "none" : "`" + String.join(" ", flags) + "`")
          .append("; JMH ").append(j.jmhVersion()).append(".\n");
    });
    out.append('\n').append(REPRODUCE.strip()).append("\n\n");
  }

  private static final String METHOD = """
      Toasty against the raw driver by hand (and Spring Data R2DBC on SQL) on the same model,
      the same rows and the same records; what each workload and implementation does is
      described at the end of this page.

      ## Method

      Each time is JMH's average per operation, single-threaded, in microseconds, ± half its
      99.9 % confidence interval; allocation is JMH's `gc.alloc.rate.norm` (`-prof gc`). A
      ratio divides the first implementation's time by the second's, both from the same run:
      below 1.00 the first is faster. Every implementation returns the same results for the
      same work: each fork checks the workload it measures against the fixture before it
      measures.

      Paired alternating segments: on a shared 2-core machine the load drifts by more than the
      differences measured, so a run of several rounds (`--rounds n`) measures every group n
      times with the implementations' order reversed every other round, and a ratio is the
      median of the rounds' ratios with the lowest and highest in brackets (times are the first
      round's). A load that drifts during the run then moves both sides of each ratio alike.
      The load average before and after each group is listed under "The run"; a run on a busy
      machine says so above its figures.

      Each section says which run its figures come from. The machine:
      """;

  private static final String REPRODUCE = """
      ## How to reproduce

      From the repository's root, with PostgreSQL on 127.0.0.1:5432 (database `test`) for the
      PostgreSQL rows; H2 and DynamoDB Local run in process:

      ```
      benchmarks/run.sh                   # full mode: every suite, about an hour on 2 cores
      benchmarks/run.sh --quick           # under 10 minutes: proves the pipeline, not a reference
      benchmarks/run.sh --short --rounds 3 --db h2,postgres   # paired alternating rounds
      benchmarks/run.sh --short --rounds 3 --db neo4j --groups 'neo4j-(Read|Include)Bench.*'
      benchmarks/run.sh --report DIR      # rewrites this page from a finished run's results
      benchmarks/run.sh --profile         # -prof gc, -prof stack and JFR of two H2 reads
      benchmarks/run.sh --short --rounds 3 --db postgres-vertx   # Toasty over Vert.x
      ```

      `io.toasty.bench.PairedProbe` times one workload in short segments that alternate the
      implementations in one JVM, with process CPU per operation, for a quick ratio:
      `java -cp 'benchmarks/target/classes:benchmarks/target/lib/*' io.toasty.bench.PairedProbe
      postgres-vertx get 1000 40 raw,vertx` is Toasty over its Vert.x transport against raw R2DBC
      and raw vertx-pg-client (databases `h2`, `postgres`, `postgres-vertx`, `dynamo`, `neo4j`).

      `--only REGEX`, `--groups REGEX` and `--param name=v1,v2` narrow a run (see
      `benchmarks/run.sh`). Raw results (JMH JSON and logs, `run.json`) go to
      `benchmarks/target/results/<mode>-<time>/` and profiles to `benchmarks/target/profile/`,
      both git-ignored; every run rewrites this page from its results.

      TechEmpower's four database tests over HTTP, on Toasty (both transports), the raw drivers and
      Spring Data R2DBC: [techempower.md](techempower.md) (`examples/techempower/run.sh`).
      """;
}
