package io.toasty.planner;

import io.toasty.driver.Capability;
import io.toasty.planner.cache.Parameterize;
import io.toasty.planner.cache.PlanCache;
import io.toasty.planner.cache.Shape;
import io.toasty.planner.explain.Explain;
import io.toasty.schema.Schema;
import io.toasty.stmt.Statement;
import java.util.Objects;
import java.util.function.Function;

/**
 * The query planner: turns a model-level {@link Statement} into a {@link CompiledPlan} for one
 * schema and one backend's {@link Capability}. Its phases, each in its own package:
 *
 * <ol>
 *   <li><b>parameterize</b> ({@code cache}): literal values become argument slots; the result, the
 *       statement's <i>shape</i>, is the plan cache's key, so a hit skips every phase below;</li>
 *   <li><b>eager</b> ({@code eager}): the relations a model declares eager become includes of
 *       every query returning its records, at every level;</li>
 *   <li><b>verify</b> ({@code verify}): fields belong to the model, types fit, required fields are
 *       set; records an {@code ArgCheck} per slot that runs on each execution;</li>
 *   <li><b>simplify</b> ({@code simplify}): a rule per rewrite, applied to a fixpoint; a filter
 *       that simplifies to FALSE plans to no operation at all;</li>
 *   <li><b>lower</b> ({@code lower} → {@code hir}): models to tables, fields to columns, defaults
 *       and generated keys filled; table-level statements with a dependency graph;</li>
 *   <li><b>plan</b> ({@code plan}): the MIR, a DAG of operations chosen by capability — SQL
 *       statements, or key lookups, index lookups, partition queries, scans and fan-outs;</li>
 *   <li><b>execution planning</b> ({@code action}): actions over numbered variables with reader
 *       counts, the streaming result chain, and whether a transaction is needed.</li>
 * </ol>
 *
 * <p>Thread safe; one per {@code Db}.
 */
public final class Planner {
  private final Schema schema;
  private final Capability capability;
  private final PlanCache cache;
  private final boolean databaseTime;
  /** {@link #compile} as the cache's loader, made once rather than on every lookup. */
  private final Function<Statement, CompiledPlan> compiler = this::compile;

  /** A planner for {@code schema} on a backend that can do {@code capability}. */
  public Planner(Schema schema, Capability capability, long cacheSize) {
    this(schema, capability, cacheSize, false);
  }

  /**
   * A planner whose plans write {@code now()} fields ({@code @CreatedAt}, {@code @UpdatedAt})
   * with the database's time when {@code databaseTime} and the backend speaks SQL, else with
   * the executor's clock.
   */
  public Planner(Schema schema, Capability capability, long cacheSize, boolean databaseTime) {
    this.databaseTime = databaseTime;
    this.schema = Objects.requireNonNull(schema, "schema");
    this.capability = Objects.requireNonNull(capability, "capability");
    if (cacheSize < 0) {
      throw new IllegalArgumentException("cacheSize must not be negative, was " + cacheSize);
    }
    this.cache = new PlanCache(cacheSize);
  }

  /** The compiled plan for {@code statement} (cached by shape) and its argument values. */
  public Prepared prepare(Statement statement) {
    Objects.requireNonNull(statement, "statement");
    Shape shape = Parameterize.of(statement);
    CompiledPlan plan = cache.get(shape.statement(), compiler);
    return new Prepared(plan, shape.args());
  }

  /** Compiles a shape (a statement whose values are argument slots), bypassing the cache. */
  public CompiledPlan compile(Statement shape) {
    return Compilation.run(shape, schema, capability, databaseTime).plan();
  }

  /** A readable dump of what each phase makes of {@code statement}. */
  public String explain(Statement statement) {
    Objects.requireNonNull(statement, "statement");
    Shape shape = Parameterize.of(statement);
    Compilation c = Compilation.run(shape.statement(), schema, capability, databaseTime);
    return new Explain(schema, capability).render(statement, shape, c.checks(), c.simplified(),
        c.hir(), c.mir(), c.actions());
  }

  /** The plan cache's hits, misses and size. */
  public PlanCacheStats cacheStats() {
    return cache.stats();
  }

  /** The schema this planner plans for. */
  public Schema schema() {
    return schema;
  }

  /** The capability this planner plans for. */
  public Capability capability() {
    return capability;
  }
}
