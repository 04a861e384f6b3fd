package io.toasty.vertx;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.toasty.sql.render.RenderedSql;
import io.toasty.sql.render.SqlRenderer;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Limit;
import io.toasty.stmt.Query;
import io.toasty.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * The first page of a streamed read outside a transaction, tried as one execution: the query with
 * its limit lowered to a cursor's page and one row more. When no more than a page comes back,
 * those are all the rows, read in one round trip without the cursor's BEGIN, portal and COMMIT,
 * as the raw client reads them; when the extra row comes, the rows are dropped and the read runs
 * from a cursor from its start, so that a result of any size still holds at most a page and a
 * row in memory. A query that once overflowed goes straight to the cursor afterwards: the
 * include of a large window does not pay for a page it will drop on every run
 * (docs/design/performance.md, "The Vert.x transport").
 *
 * <p>Kept per query instance, as the renderer keeps the query's own rendering: the planner's
 * cache hands the same instance to every run of a plan.
 */
final class FirstPages {
  /** What {@link #of} answers for a query that cannot be limited (a per-partition limit). */
  private static final FirstPage NONE = new FirstPage(null);

  private final SqlRenderer renderer;
  private final int page;
  // maintenance on the caller's thread, as the renderer's cache
  private final Cache<Query, FirstPage> cache = Caffeine.newBuilder().weakKeys()
      .maximumSize(SqlRenderer.DEFAULT_CACHE_SIZE).executor(Runnable::run).build();

  /** First pages of {@code page} rows, rendered by {@code renderer}. */
  FirstPages(SqlRenderer renderer, int page) {
    this.renderer = renderer;
    this.page = page;
  }

  /** How many rows a first page holds at most. */
  int page() {
    return page;
  }

  /** The first page of {@code query}, or null where it has none or overflowed before. */
  @Nullable FirstPage of(Query query) {
    FirstPage first = cache.get(query, q -> {
      Query limited = limited(q, page);
      return limited == null ? NONE : new FirstPage(renderer.render(limited));
    });
    return first.sql() == null || first.overflowed() ? null : first;
  }

  /**
   * {@code query} limited to {@code page} and one rows, its offset kept; null where its limit is
   * per partition or not a constant (and so cannot be lowered here).
   */
  static @Nullable Query limited(Query query, int page) {
    ExprNode rows = new ExprNode.Const(new Value.I64(page + 1L));
    Limit limit = query.limit();
    if (limit == null) {
      return query.withLimit(new Limit(rows, null));
    }
    if (!limit.partitionBy().isEmpty()
        || !(limit.count() instanceof ExprNode.Const k && k.value() instanceof Value.I64 n)) {
      return null;
    }
    return n.value() <= page + 1L ? query : query.withLimit(new Limit(rows, limit.offset()));
  }

  /** One query's first page: its rendering, and whether a run of it overflowed. */
  static final class FirstPage {
    private final @Nullable RenderedSql sql;
    private volatile boolean overflowed;

    FirstPage(@Nullable RenderedSql sql) {
      this.sql = sql;
    }

    @Nullable RenderedSql sql() {
      return sql;
    }

    boolean overflowed() {
      return overflowed;
    }

    /** A run brought more than a page: later runs read from a cursor at once. */
    void overflow() {
      overflowed = true;
    }
  }
}
