package io.toasty.vertx;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.toasty.sql.render.RenderedSql;
import io.toasty.sql.render.SqlRenderer;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Limit;
import io.toasty.stmt.Query;
import io.toasty.value.Value;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * The first page of a streamed read outside a transaction, tried as one execution: the query with
 * its limit lowered to a page and one row more. When no more than a page comes back, those are
 * all the rows, read in one round trip without the cursor's BEGIN, portal and COMMIT, as the raw
 * client reads them; when the extra row comes, the rows are dropped and the read runs from a
 * cursor from its start (docs/design/performance.md, "The Vert.x transport").
 *
 * <p>Pages grow by SQL text: a query whose text overflowed a page tries the next larger one
 * the next time ({@link #PAGES}: 256, 1,024, then 4,096 rows), and one that overflowed the
 * largest goes straight to a cursor, read in pages of that largest size. So a first page holds
 * at most 4,097 rows, a cursor two pages ({@link CursorRows}), and a read of a thousand rows,
 * such as an include's parents,
 * is one round trip from its second run on; the windows of an include share their text whatever
 * their instances. The limited renderings are kept per query instance, as the renderer keeps
 * the query's own (a constant's value is in its rendering, so two queries of one SQL text may not
 * share one).
 */
final class FirstPages {
  /** The sizes a first page grows through, in rows. */
  static final int[] PAGES = {VertxDriver.FETCH_SIZE, 4 * VertxDriver.FETCH_SIZE,
      16 * VertxDriver.FETCH_SIZE};

  private static final Optional<RenderedSql> NONE = Optional.empty();

  private final SqlRenderer renderer;
  private final int[] pages;
  // maintenance on the caller's thread, as the renderer's cache
  private final Cache<Query, Renderings> renderings = Caffeine.newBuilder()
      .weakKeys().maximumSize(SqlRenderer.DEFAULT_CACHE_SIZE).executor(Runnable::run).build();
  /** By SQL text, the index in {@link #pages} of the page to try; its length for a cursor. */
  private final Cache<String, Integer> tiers = Caffeine.newBuilder()
      .maximumSize(SqlRenderer.DEFAULT_CACHE_SIZE).executor(Runnable::run).build();

  /** First pages growing through {@code pages} (ascending), rendered by {@code renderer}. */
  FirstPages(SqlRenderer renderer, int... pages) {
    this.renderer = renderer;
    this.pages = pages.clone();
  }

  /** The largest page: the most rows a first page holds, and a cursor's fetch once past it. */
  int largest() {
    return pages[pages.length - 1];
  }

  /**
   * The first page to try for {@code query} (of SQL {@code text}); one without a rendering, for
   * the cursor's page size, where its limit cannot be lowered (the smallest page) or its text
   * overflowed the largest page (the largest).
   */
  Page of(Query query, String text) {
    int tier = tier(text);
    if (tier == pages.length) {
      return new Page(null, largest());
    }
    RenderedSql sql = renderings.get(query, q -> new Renderings(pages.length)).get(query, tier);
    return new Page(sql, sql == null ? pages[0] : pages[tier]);
  }

  /** A run of the query of SQL {@code text} brought more than {@code rows}, its page's size. */
  void overflow(String text, int rows) {
    int past = Arrays.binarySearch(pages, rows) + 1;
    tiers.asMap().merge(text, past, Math::max);
  }

  /** Whether {@code query}'s SQL overflowed the largest page (what FirstPagesTest asks). */
  boolean overflowed(Query query) {
    return tier(renderer.render(query).sql()) == pages.length;
  }

  /** The size of the page {@code query}'s SQL tries next (what FirstPagesTest asks). */
  int next(Query query) {
    int tier = tier(renderer.render(query).sql());
    return tier == pages.length ? 0 : pages[tier];
  }

  private int tier(String text) {
    Integer tier = tiers.getIfPresent(text);
    return tier == null ? 0 : tier;
  }

  /**
   * A first page: its rendering, and how many rows it holds at most; without a rendering, no
   * first page, and the rows a cursor reads at a time.
   */
  record Page(@Nullable RenderedSql sql, int rows) {}

  /** One query's limited renderings, one per page size, made when first tried. */
  private final class Renderings {
    private final AtomicReferenceArray<Optional<RenderedSql>> byTier;

    Renderings(int tiers) {
      byTier = new AtomicReferenceArray<>(tiers);
    }

    @Nullable RenderedSql get(Query query, int tier) {
      Optional<RenderedSql> made = byTier.get(tier);
      if (made == null) {
        Query limited = limited(query, pages[tier]);
        made = limited == null ? NONE : Optional.of(renderer.render(limited));
        byTier.set(tier, made);
      }
      return made.orElse(null);
    }
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
