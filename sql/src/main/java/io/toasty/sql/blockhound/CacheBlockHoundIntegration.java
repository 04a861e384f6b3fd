package io.toasty.sql.blockhound;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Tells BlockHound about Caffeine's bounded wait when its write buffer is full: a cache write
 * ({@code BoundedLocalCache.afterWrite}) then spins ({@code Thread.onSpinWait}) a few times while
 * another thread drains the buffer, and may take the eviction lock briefly to drain it itself.
 * That is CPU work bounded by the buffer's size, not I/O, and happens only when many statements
 * are first rendered at once (the SQL renderer's cache; the planner's plan cache alike). Loaded by
 * BlockHound through {@code ServiceLoader} when BlockHound is installed (tests).
 */
public final class CacheBlockHoundIntegration implements BlockHoundIntegration {

  @Override
  public void applyTo(BlockHound.Builder builder) {
    builder.allowBlockingCallsInside("com.github.benmanes.caffeine.cache.BoundedLocalCache",
        "afterWrite");
  }
}
