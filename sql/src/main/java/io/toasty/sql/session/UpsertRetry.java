package io.toasty.sql.session;

import io.toasty.value.Value;
import java.util.function.Predicate;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;

/**
 * Runs an upsert again when it lost a race for a new key. Two concurrent H2 MERGEs of a key that
 * is not stored yet both take the insert path, and the second fails its unique check once the
 * first commits; PostgreSQL's {@code ON CONFLICT (target)} arbitrates on the target's index only,
 * so the same race surfaces as a violation of another unique index (an email as well as the
 * key). Either way the statement wrote nothing (it ran atomically: autocommit, or under a
 * savepoint, which each transport sets); run again, it finds the row and takes the update path,
 * which is what an atomic upsert would have done. A real conflict with another record fails
 * again, and after {@value #ATTEMPTS} runs its violation is the result.
 */
public final class UpsertRetry {
  /** A key can be created only once, so one more run finds it; a few more cover deletes. */
  public static final int ATTEMPTS = 5;

  private UpsertRetry() {}

  /**
   * The rows of {@code run}'s statement, run again (at most {@value #ATTEMPTS} runs in all)
   * while it fails with an error that {@code lostRace} takes for a lost race.
   */
  public static Flux<Value.Record> retried(Supplier<Flux<Value.Record>> run,
      Predicate<Throwable> lostRace) {
    return attempt(run, lostRace, 1);
  }

  private static Flux<Value.Record> attempt(Supplier<Flux<Value.Record>> run,
      Predicate<Throwable> lostRace, int n) {
    return Flux.defer(run).onErrorResume(e -> n < ATTEMPTS && lostRace.test(e),
        e -> attempt(run, lostRace, n + 1));
  }
}
