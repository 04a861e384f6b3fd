package io.toasty.r2dbc.blockhound;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Tells BlockHound about the blocking calls inside H2 itself that r2dbc-h2 makes on the caller's
 * thread. Loaded by BlockHound through {@code ServiceLoader} when BlockHound is installed (tests);
 * BlockHound is an optional dependency, so nothing here runs otherwise.
 *
 * <p>Each entry is one exact frame, with the reason it cannot be avoided:
 * <ul>
 *   <li>{@code org.h2.util.MathUtils.getSecureRandom}: the first identity column or random UUID
 *       seeds H2's {@code SecureRandom} once per JVM, yielding while a seeding thread runs.
 *       r2dbc-pool creates connections on {@code Schedulers.single()}, so the DDL that creates
 *       the first identity column can run there.</li>
 *   <li>{@code org.h2.util.Utils.getResource}: H2's first error in a JVM initializes
 *       {@code DbException}, which reads its message bundle from the H2 jar, once.</li>
 * </ul>
 */
public final class H2BlockHoundIntegration implements BlockHoundIntegration {

  @Override
  public void applyTo(BlockHound.Builder builder) {
    builder.allowBlockingCallsInside("org.h2.util.MathUtils", "getSecureRandom");
    builder.allowBlockingCallsInside("org.h2.util.Utils", "getResource");
    // An in-process H2 session runs SQL on the caller's thread under the session's lock; when a
    // cancelled statement's cleanup and the next statement meet on two threads, the second waits
    // for the first's CPU work (no I/O: the database is in memory).
    builder.allowBlockingCallsInside("org.h2.engine.Session", "lock");
    // Two sessions updating one row: the second waits in H2 for the first's row lock (an
    // autocommit UPDATE holds it for the statement's CPU work; a transaction until its end, which
    // docs/databases.md warns about). H2 has no non-blocking lock wait; seen on two parallel
    // threads incrementing one counter (NonBlockingScenarios).
    builder.allowBlockingCallsInside("org.h2.mvstore.tx.Transaction", "waitForThisToEnd");
  }
}
