package io.toasty.bench;

import io.toasty.Insert;
import io.toasty.bench.fixture.Fixture;
import io.toasty.bench.model.LinkedAuthors;
import io.toasty.bench.model.LinkedBooks;
import io.toasty.bench.model.User;
import io.toasty.bench.model.Users;
import io.toasty.driver.Capability;
import io.toasty.planner.CompiledPlan;
import io.toasty.planner.Planner;
import io.toasty.planner.Prepared;
import io.toasty.planner.cache.Parameterize;
import io.toasty.schema.Schema;
import io.toasty.stmt.StatementNode;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Planning alone, no database: a cold plan (parameterize, then every phase: verify, simplify,
 * lower, plan, actions) against a plan-cache hit ({@code Planner.prepare}: parameterize, then a
 * cache lookup by shape). The statements are the ones the workloads of the same name run, with
 * values that change on every call; they are built before measuring.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 15, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Thread)
public class PlanBench {
  private static final int VARIANTS = 1024;
  /** The values of {@link #statement}. */
  public static final List<String> STATEMENTS =
      List.of("get", "filterHundred", "insertOne", "updateByKey");

  @Param({"get", "filterHundred", "insertOne", "updateByKey"})
  public String statement;

  private Planner planner;
  private StatementNode[] statements;
  private int n;

  @Setup
  public void plan() {
    Schema schema = Schema.of(List.of(Users.MODEL.schema(), LinkedAuthors.MODEL.schema(),
        LinkedBooks.MODEL.schema()));
    planner = new Planner(schema, Capability.H2, 1024);
    statements = new StatementNode[VARIANTS];
    for (int i = 0; i < VARIANTS; i++) {
      statements[i] = statement(statement, i);
    }
    planner.prepare(statements[0]);
  }

  /** The statement {@code workload} runs, with values from {@code i}. */
  static StatementNode statement(String workload, int i) {
    return switch (workload) {
      case "get" -> Users.filterById(i + 1).limit(1).untyped();
      case "filterHundred" -> Users.filterByTeam(i % Fixture.TEAMS).untyped();
      case "insertOne" -> {
        User u = Fixture.newUser("plan", i);
        yield Insert.of(Users.MODEL, List.of(Users.create().name(u.name()).email(u.email())
            .team(u.team()).region(u.region()).score(u.score()))).untyped();
      }
      case "updateByKey" -> Users.updateById(i + 1).score(i % 1000).untyped();
      default -> throw new IllegalArgumentException("no statement for " + workload);
    };
  }

  private StatementNode next() {
    StatementNode s = statements[n];
    n = (n + 1) % VARIANTS;
    return s;
  }

  @Benchmark
  public CompiledPlan coldPlan() {
    return planner.compile(Parameterize.of(next()).statement());
  }

  @Benchmark
  public Prepared cacheHit() {
    return planner.prepare(next());
  }
}
