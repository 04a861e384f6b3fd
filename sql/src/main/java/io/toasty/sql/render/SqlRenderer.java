package io.toasty.sql.render;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.toasty.schema.Schema;
import io.toasty.sql.dialect.SqlDialect;
import io.toasty.stmt.PathNode;
import io.toasty.stmt.StatementNode;
import java.util.Objects;
import java.util.function.Function;

/**
 * Renders table-level statements to SQL for one dialect and schema.
 *
 * <p>Results are cached per statement instance (weak, identity keys, bounded): the planner caches
 * plans, so the same statement instance recurs on every execution of a plan and is rendered once.
 */
public final class SqlRenderer {
  /** The default bound on cached renderings. */
  public static final long DEFAULT_CACHE_SIZE = 4096;

  private final SqlDialect dialect;
  private final Schema schema;
  private final Cache<StatementNode, RenderedSql> cache;
  /** Renders a statement not cached yet; made once rather than on every lookup. */
  private final Function<StatementNode, RenderedSql> walk;

  public SqlRenderer(SqlDialect dialect, Schema schema) {
    this(dialect, schema, DEFAULT_CACHE_SIZE);
  }

  public SqlRenderer(SqlDialect dialect, Schema schema, long cacheSize) {
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    this.schema = Objects.requireNonNull(schema, "schema");
    // maintenance on the caller's thread, not a wake-up of the common pool (as PlanCache)
    this.cache = Caffeine.newBuilder().weakKeys().maximumSize(cacheSize)
        .executor(Runnable::run).build();
    this.walk = s -> new SqlWalk(dialect, schema).render(s);
  }

  /**
   * The SQL for {@code statement}, rendered once per statement instance.
   *
   * @throws IllegalArgumentException for a model-level or malformed statement
   * @throws io.toasty.error.UnsupportedFeatureException for a construct the dialect cannot express
   */
  public RenderedSql render(StatementNode statement) {
    Objects.requireNonNull(statement, "statement");
    return cache.get(statement, walk);
  }

  /**
   * The SQL for a table-level path query: one recursive CTE ({@link PathSql}). Not cached: a
   * path query is planned, and so built, on every run.
   */
  public RenderedSql render(PathNode path) {
    Objects.requireNonNull(path, "path");
    return new SqlWalk(dialect, schema).render(path);
  }

  /** The dialect this renderer writes. */
  public SqlDialect dialect() {
    return dialect;
  }

  /** How many renderings are cached now (an estimate). */
  public long cachedCount() {
    return cache.estimatedSize();
  }
}
