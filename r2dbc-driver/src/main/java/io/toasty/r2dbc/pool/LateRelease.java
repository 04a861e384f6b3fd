package io.toasty.r2dbc.pool;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import io.toasty.driver.internal.HandOver;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.pool.PooledRef;

/**
 * Gives back the pool reference under an r2dbc-pool connection that arrived after its acquire
 * was cancelled ({@link HandOver}'s late path): the reference only, which reactor-pool
 * takes back once (a second release of the same reference does nothing), never a close.
 *
 * <p>Why: r2dbc-pool 1.0.2 prepares each pooled reference inside a {@code flatMap} and relies on
 * a discard-on-cancel around that preparation to give the reference back when the acquire is
 * cancelled. reactor-core's {@code MonoFlatMap} (3.8.6, and its current source) reads its inner
 * subscriber and then swaps it for "cancelled" with one compare-and-set, and gives up if that
 * fails: an inner subscribed between the two (the pool handing the reference over just as the
 * cancel arrives) is never cancelled. Its connection then arrives after the cancel, and nothing
 * gives it back: the pool counts it acquired for good. In {@code LateReleaseTest}'s race a probe
 * found such a missed inner behind every connection left out. r2dbc-pool's own
 * {@code maxAcquireTime} hid these (its {@code Mono.timeout} drops a connection that comes after
 * a cancel, and its dropped-value hook closes it), at the cost of a timer per acquire.
 *
 * <p>The reference, not the connection: closing r2dbc-pool's connection would also run its
 * release work (a validation, the {@code preRelease} hooks: r2dbc-mysql's rolls back) on a
 * session the pool may have lent to another borrower already, when the discard-on-cancel did
 * see the cancel and gave the reference back first. A released reference is a new one when the
 * pool lends that session again, so releasing the old one twice is harmless.
 *
 * <p>The reference is a private field of r2dbc-pool's {@code PooledConnection}: read through a
 * {@link VarHandle} found once. Where it is not found (another r2dbc-pool), a late connection
 * is dropped as before, with a warning at startup; {@code LateReleaseTest} fails then.
 */
public final class LateRelease {
  private static final Logger LOG = LoggerFactory.getLogger(LateRelease.class);
  private static final String POOLED = "io.r2dbc.pool.PooledConnection";
  private static final @Nullable Class<?> POOLED_CLASS;
  private static final @Nullable VarHandle REF;

  static {
    Class<?> pooled = null;
    VarHandle ref = null;
    try {
      pooled = Class.forName(POOLED, false, ConnectionPool.class.getClassLoader());
      ref = MethodHandles.privateLookupIn(pooled, MethodHandles.lookup())
          .findVarHandle(pooled, "ref", PooledRef.class);
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.warn("r2dbc-pool's {}.ref was not found: a connection the pool delivers after its "
          + "acquire was cancelled may stay counted as acquired", POOLED, e);
      pooled = null;
    }
    POOLED_CLASS = pooled;
    REF = ref;
  }

  private LateRelease() {
  }

  /** Whether r2dbc-pool's reference can be reached (tests). */
  public static boolean available() {
    return REF != null;
  }

  /**
   * Gives {@code late}'s pool reference back if it is r2dbc-pool's connection; nothing
   * otherwise.
   */
  public static void release(Connection late) {
    if (REF == null || late.getClass() != POOLED_CLASS) {
      return;
    }
    PooledRef<?> ref = (PooledRef<?>) REF.get(late);
    ref.release().subscribe(null, e -> LOG.debug("a late connection's release failed", e));
  }
}
