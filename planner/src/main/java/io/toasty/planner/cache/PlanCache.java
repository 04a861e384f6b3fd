package io.toasty.planner.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.toasty.planner.CompiledPlan;
import io.toasty.planner.PlanCacheStats;
import io.toasty.stmt.Statement;
import java.util.function.Function;

/**
 * A bounded cache from a statement's shape to its compiled plan. A compile that fails is not
 * cached, so the same bad statement fails the same way every time.
 */
public final class PlanCache {
  private final Cache<Statement, CompiledPlan> cache;

  /** A cache of at most {@code maximumSize} plans. */
  public PlanCache(long maximumSize) {
    this.cache = Caffeine.newBuilder().maximumSize(maximumSize).recordStats().build();
  }

  /** The plan for {@code shape}, compiling it on a miss. */
  public CompiledPlan get(Statement shape, Function<Statement, CompiledPlan> compile) {
    return cache.get(shape, compile);
  }

  /** Hits, misses and the current number of plans. */
  public PlanCacheStats stats() {
    CacheStats s = cache.stats();
    return new PlanCacheStats(s.hitCount(), s.missCount(), cache.estimatedSize());
  }
}
