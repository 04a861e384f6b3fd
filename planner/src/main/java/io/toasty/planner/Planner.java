package io.toasty.planner;

import io.toasty.driver.Capability;
import io.toasty.driver.OperationText;
import io.toasty.planner.cache.Parameterize;
import io.toasty.planner.cache.PlanCache;
import io.toasty.planner.cache.Shape;
import io.toasty.planner.explain.Explain;
import io.toasty.schema.Schema;
import io.toasty.stmt.Shaped;
import io.toasty.stmt.StatementNode;
import io.toasty.value.Value;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The query planner: turns a model-level {@link StatementNode} into a {@link CompiledPlan} for one
 * schema and one backend's {@link Capability}. Its phases, each in its own package:
 *
 * <p>Before it, the executor hides the deleted records of soft-deleted models and makes their
 * deletes updates ({@code softdelete}: {@link io.toasty.planner.softdelete.HideDeleted}), then
 * confines a statement to the tenant of its subscriber's Context ({@code tenant}: {@link
 * io.toasty.planner.tenant.ScopeTenant}): rewrites of literal values that this planner then
 * parameterizes like any other.
 *
 * <ol>
 *   <li><b>parameterize</b> ({@code cache}): literal values become argument slots; the result, the
 *       statement's <i>shape</i>, is the plan cache's key, so a hit skips every phase below; a
 *       statement a generated finder built carries a {@code ShapeKey} under which the cache keeps
 *       its plan as well, so that a repeat skips this phase and the lookup by value too;</li>
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
  private final Function<StatementNode, CompiledPlan> compiler = this::compile;

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
  public Prepared prepare(StatementNode statement) {
    Objects.requireNonNull(statement, "statement");
    Shape shape = Parameterize.of(statement);
    CompiledPlan plan = cache.get(shape.statement(), compiler);
    return new Prepared(plan, shape.args());
  }

  /**
   * {@link #prepare(StatementNode)} of a statement built where {@code shaped}'s key was made, with
   * {@code shaped}'s values taken from it. The plan kept under the key serves as it is, with
   * those values as the arguments, unless one of them would stay literal (NULL, a boolean), which
   * changes the shape. Otherwise the statement is prepared the ordinary way and its plan kept
   * under the key, once its arguments are seen to be {@code shaped}'s values in the same order
   * (all different, so that the order is not a guess): a check, on the miss only, that the
   * values are taken out as the planner numbers its slots.
   */
  public Prepared prepare(StatementNode statement, Shaped shaped) {
    Objects.requireNonNull(statement, "statement");
    Objects.requireNonNull(shaped, "shaped");
    List<Value> values = shaped.values();
    if (!Parameterize.allParameters(values)) {
      return prepare(statement);
    }
    CompiledPlan kept = cache.keyed(shaped.key());
    // Two cheap checks against a key made for another shape (the key is the caller's promise):
    // a plan of another model or another number of slots is not used.
    if (kept != null && kept.argCount() == values.size()
        && kept.shape().source().equals(statement.source())) {
      cache.usedKeyed();
      return new Prepared(kept, values);
    }
    Prepared prepared = prepare(statement);
    if (kept == null && prepared.args().equals(values) && allDifferent(values)) {
      cache.remember(shaped.key(), prepared.plan());
    }
    return prepared;
  }

  private static boolean allDifferent(List<Value> values) {
    return new HashSet<>(values).size() == values.size();
  }

  /** Compiles a shape (a statement whose values are argument slots), bypassing the cache. */
  public CompiledPlan compile(StatementNode shape) {
    return Compilation.run(shape, schema, capability, databaseTime).plan();
  }

  /** A readable dump of what each phase makes of {@code statement}. */
  public String explain(StatementNode statement) {
    return explain(statement, null);
  }

  /**
   * {@link #explain(StatementNode)}, ending with each operation as the driver sends it, in its
   * backend's language ({@code text}: the driver's hook; null for none).
   */
  public String explain(StatementNode statement, @Nullable OperationText text) {
    Objects.requireNonNull(statement, "statement");
    Shape shape = Parameterize.of(statement);
    Compilation c = Compilation.run(shape.statement(), schema, capability, databaseTime);
    return new Explain(schema, capability, text).render(statement, shape, c.checks(),
        c.simplified(), c.hir(), c.mir(), c.actions());
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
