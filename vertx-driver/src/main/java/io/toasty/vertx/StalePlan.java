package io.toasty.vertx;

import io.vertx.sqlclient.DatabaseException;
import java.util.function.BooleanSupplier;
import reactor.core.publisher.Flux;

/**
 * A statement PostgreSQL refused because the plan vertx-pg-client cached for it on this
 * connection no longer fits its table ({@code 0A000}, "cached plan must not change result
 * type", after a migration changed the table's columns), run once more. The refusal comes
 * before the statement runs, and vertx-pg-client drops the cached statement when it sees it, so
 * the second run prepares afresh. Only outside a transaction: inside one the refusal has
 * aborted it. Dropping every connection's cache after this library's DDL would not do: the
 * other pooled connections keep theirs (MigrationScenarios.appliesAndRollsBackNineVersions-
 * KeepingData).
 */
final class StalePlan {
  private static final String STATE = "0A000";
  private static final String MESSAGE = "cached plan must not change result type";

  private StalePlan() {}

  /** {@code work}, subscribed once more when it fails as above and {@code outside} says so. */
  static <T> Flux<T> retried(Flux<T> work, BooleanSupplier outside) {
    return work.onErrorResume(e -> refused(e) && outside.getAsBoolean(), e -> work);
  }

  /** Whether {@code error} is PostgreSQL's refusal of a cached plan whose result type changed. */
  static boolean refused(Throwable error) {
    return error instanceof DatabaseException d && STATE.equals(d.getSqlState())
        && d.getMessage() != null && d.getMessage().contains(MESSAGE);
  }
}
