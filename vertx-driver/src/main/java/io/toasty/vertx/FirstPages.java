package io.toasty.vertx;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.toasty.sql.render.RenderedSql;
import io.toasty.sql.render.SqlRenderer;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Limit;
import io.toasty.stmt.Query;
import io.toasty.value.Value;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The first page of a streamed read outside a transaction, tried as one execution: the query with
 * its limit lowered to a cursor's page and one row more. When no more than a page comes back,
 * those are all the rows, read in one round trip without the cursor's BEGIN, portal and COMMIT,
 * as the raw client reads them; when the extra row comes, the rows are dropped and the read runs
 * from a cursor from its start, so that a result of any size still holds at most a page and a
 * row in memory. A query whose SQL once overflowed goes straight to the cursor afterwards: the
 * include of a large window does not pay for a page it will drop on every run
 * (docs/design/performance.md, "The Vert.x transport").
 *
 * <p>The limited rendering is kept per query instance, as the renderer keeps the query's own (a
 * constant's value is in its rendering, so two queries of one SQL text may not share one); what
 * overflowed is kept by the query's SQL text, which the windows of an include share whatever
 * their instances.
 */
final class FirstPages {
  private static final Optional<RenderedSql> NONE = Optional.empty();

  private final SqlRenderer renderer;
  private final int page;
  // maintenance on the caller's thread, as the renderer's cache
  private final Cache<Query, Optional<RenderedSql>> renderings = Caffeine.newBuilder()
      .weakKeys().maximumSize(SqlRenderer.DEFAULT_CACHE_SIZE).executor(Runnable::run).build();
  private final Cache<String, Boolean> overflowed = Caffeine.newBuilder()
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

  /**
   * The rendering of {@code query}'s first page, or null where it has none or where its SQL
   * {@code text} overflowed before.
   */
  @Nullable RenderedSql of(Query query, String text) {
    if (overflowed.getIfPresent(text) != null) {
      return null;
    }
    return renderings.get(query, q -> {
      Query limited = limited(q, page);
      return limited == null ? NONE : Optional.of(renderer.render(limited));
    }).orElse(null);
  }

  /** A run of the query of SQL {@code text} brought more than a page. */
  void overflow(String text) {
    overflowed.put(text, Boolean.TRUE);
  }

  /** Whether {@code query}'s SQL overflowed a first page (what FirstPagesTest asks). */
  boolean overflowed(Query query) {
    return overflowed.getIfPresent(renderer.render(query).sql()) != null;
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
}
