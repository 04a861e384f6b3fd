package io.toasty.planner.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.toasty.planner.CompiledPlan;
import io.toasty.planner.PlanCacheStats;
import io.toasty.stmt.ShapeKey;
import io.toasty.stmt.StatementNode;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A bounded cache from a statement's shape to its compiled plan. A compile that fails is not
 * cached, so the same bad statement fails the same way every time.
 *
 * <p>The same cache also holds plans under {@link ShapeKey}s (compared by identity, so a lookup
 * neither hashes nor compares a statement): such an entry counts toward the bound and is evicted
 * like any other. The statistics stay those of statements: a key's hit counts as a hit, a key's
 * miss is followed by the statement's own lookup (counted as before), and the size counts the
 * plans held by shape alone.
 */
public final class PlanCache {
  /**
   * Keys are {@link StatementNode} shapes (compared by value) and {@link ShapeKey}s (by identity).
   */
  private final Cache<Object, CompiledPlan> cache;

  private final LongAdder keyedHits = new LongAdder();
  private final AtomicLong keyedEntries = new AtomicLong();

  /** A cache of at most {@code maximumSize} plans. */
  public PlanCache(long maximumSize) {
    // Maintenance (the read buffer's drain, eviction) on the caller's thread: Caffeine's default
    // executor, the common pool, woke a thread of its own several times per 64 concurrent reads.
    this.cache = Caffeine.newBuilder().maximumSize(maximumSize).recordStats()
        .executor(Runnable::run)
        .<Object, CompiledPlan>evictionListener((key, plan, cause) -> {
          if (key instanceof ShapeKey) {
            keyedEntries.decrementAndGet();
          }
        })
        .build();
  }

  /** The plan for {@code shape}, compiling it on a miss. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public CompiledPlan get(StatementNode shape, Function<StatementNode, CompiledPlan> compile) {
    // the loader is only ever called with this statement: no adapter allocated per lookup
    return cache.get(shape, (Function) compile);
  }

  /**
   * The plan kept under {@code key}, or null. Read through the map view, which does not count
   * in the statistics (a plan not used is followed by the statement's own lookup, counted
   * there; one used is counted by {@link #usedKeyed()}) but does count as a use for eviction.
   */
  public @Nullable CompiledPlan keyed(ShapeKey key) {
    return cache.asMap().get(key);
  }

  /** Counts a hit: a plan found by {@link #keyed} was used. */
  public void usedKeyed() {
    keyedHits.increment();
  }

  /** Keeps {@code plan} under {@code key} as well, unless a plan is there already. */
  public void remember(ShapeKey key, CompiledPlan plan) {
    if (cache.asMap().putIfAbsent(key, plan) == null) {
      keyedEntries.incrementAndGet();
    }
  }

  /** Hits, misses and the current number of plans held by shape. */
  public PlanCacheStats stats() {
    CacheStats s = cache.stats();
    long size = Math.max(0, cache.estimatedSize() - keyedEntries.get());
    return new PlanCacheStats(s.hitCount() + keyedHits.sum(), s.missCount(), size);
  }
}
