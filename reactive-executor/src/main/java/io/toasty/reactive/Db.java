package io.toasty.reactive;

import io.toasty.Executor;
import io.toasty.driver.Capability;
import io.toasty.driver.Connection;
import io.toasty.driver.Driver;
import io.toasty.planner.CompiledPlan;
import io.toasty.planner.PlanCacheStats;
import io.toasty.planner.Planner;
import io.toasty.planner.Prepared;
import io.toasty.reactive.exec.BindArgs;
import io.toasty.reactive.exec.Interpreter;
import io.toasty.reactive.exec.Results;
import io.toasty.reactive.exec.Transactional;
import io.toasty.reactive.exec.Uuids;
import io.toasty.schema.Schema;
import io.toasty.stmt.Statement;
import io.toasty.value.Value;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A database: its models, its driver and its plan cache. Runs statements without blocking:
 * {@link #exec} plans (once per statement shape), checks the values, takes a pooled connection,
 * runs the plan's actions as Reactor stages and returns the connection on completion, error or
 * cancellation. Plans that write more than once run in one transaction, rolled back on error and
 * on cancel.
 *
 * <p>Built with {@link Toasty#builder()}. Several {@code Db}s may live side by side.
 */
public final class Db implements Executor {
  private final Schema schema;
  private final Driver driver;
  private final Planner planner;
  private final DbSchema schemaOps;

  Db(Schema schema, Driver driver, Planner planner) {
    this.schema = schema;
    this.driver = driver;
    this.planner = planner;
    this.schemaOps = new DbSchema(driver);
    Uuids.v4(); // seeds the generator here, on the builder's thread, not on a Reactor thread
  }

  @Override
  public Flux<Value> exec(Statement statement) {
    Objects.requireNonNull(statement, "statement");
    return Flux.defer(() -> {
      Prepared prepared = planner.prepare(statement);
      CompiledPlan plan = prepared.plan();
      List<Value> args = BindArgs.bind(plan, prepared.args());
      return Results.of(plan.output(), run(plan, args), args);
    });
  }

  private Flux<Value.Record> run(CompiledPlan plan, List<Value> args) {
    if (!plan.actions().needsConnection()) {
      return Interpreter.run(plan.actions(), args, null);
    }
    if (plan.actions().transaction()) {
      return Transactional.run(driver, conn -> Interpreter.run(plan.actions(), args, conn));
    }
    return Flux.usingWhen(driver.connect(),
        conn -> Interpreter.run(plan.actions(), args, conn),
        Connection::close, (conn, error) -> conn.close(), Connection::close);
  }

  /** Schema management: {@code push()} and {@code reset()}. */
  public DbSchema schema() {
    return schemaOps;
  }

  /** The plan cache's hits, misses and size. */
  public PlanCacheStats planCacheStats() {
    return planner.cacheStats();
  }

  /** What each planner phase makes of {@code statement}, as readable text. */
  public String explain(Statement statement) {
    return planner.explain(statement);
  }

  /** What the backend can do. */
  public Capability capability() {
    return driver.capability();
  }

  /** The models, tables and mapping this {@code Db} serves. */
  public Schema models() {
    return schema;
  }

  /** Closes the driver's pool. */
  public Mono<Void> close() {
    return Mono.defer(driver::close);
  }
}
