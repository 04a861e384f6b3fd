package io.toasty.migrate.apply;

import io.toasty.error.UniqueViolationException;
import io.toasty.migrate.MigrationException;
import io.toasty.migrate.render.SqlChoices;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The lock a migration run holds on its one connection (see {@link
 * io.toasty.migrate.render.LockStyle}); it never waits for a second connection of the pool.
 */
final class SqlLock {
  /** The advisory lock's key on PostgreSQL: "toasty" in ASCII. */
  static final long ADVISORY_KEY = 0x746f61737479L;
  private static final String NAME = "toasty_schema_history";
  private static final String LOCK_TABLE = "toasty_schema_lock";
  private static final Duration POLL = Duration.ofMillis(50);
  private static final long POLLS = 6000;
  private static final int GET_LOCK_SECONDS = 300;

  private final SqlSession session;
  private final SqlChoices choices;

  SqlLock(SqlSession session, SqlChoices choices) {
    this.session = session;
    this.choices = choices;
  }

  /** Waits for the lock (on the database's side, holding only this connection). */
  Mono<Void> acquire() {
    return switch (choices.lock()) {
      case ADVISORY_LOCK -> session.query("SELECT pg_advisory_lock(" + ADVISORY_KEY + ")",
          List.of()).then();
      case GET_LOCK -> session.query("SELECT GET_LOCK('" + NAME + "', " + GET_LOCK_SECONDS + ")",
              List.of(Type.Scalar.I32))
          .next()
          .flatMap(r -> r.get(0) instanceof Value.I32 i && i.value() == 1 ? Mono.<Void>empty()
              : Mono.error(new MigrationException("another instance held the migration lock "
                  + "for " + GET_LOCK_SECONDS + " s; is a migration stuck?", null)));
      case WRITE_TRANSACTION -> Mono.empty();
      // Only the insert is polled: a create repeated while the holder migrates would wait for
      // H2's schema lock behind each of the holder's DDL statements.
      case LOCK_ROW -> session.update("CREATE TABLE IF NOT EXISTS " + table()
              + " (" + SqlHistory.q(choices, "id") + " INTEGER NOT NULL PRIMARY KEY, "
              + SqlHistory.q(choices, "taken_at") + " VARCHAR(40) NOT NULL)")
          .then(takeRow());
    };
  }

  /** Inserts the lock row, polling while another instance holds it. */
  private Mono<Void> takeRow() {
    return Mono.defer(() -> session.update(List.of("INSERT INTO " + table() + " VALUES (1, ",
            ")"), List.of(new Value.Str(Instant.now().toString()))))
        .retryWhen(Retry.fixedDelay(POLLS, POLL)
            .filter(UniqueViolationException.class::isInstance)
            .onRetryExhaustedThrow((spec, signal) -> new MigrationException("the migration "
                + "lock row in " + LOCK_TABLE + " stayed taken for 5 minutes; if no instance "
                + "is migrating, delete it", signal.failure())))
        .then();
  }

  /** Frees the lock. */
  Mono<Void> release() {
    return switch (choices.lock()) {
      case ADVISORY_LOCK -> session.query("SELECT pg_advisory_unlock(" + ADVISORY_KEY + ")",
          List.of()).then();
      case GET_LOCK -> session.query("SELECT RELEASE_LOCK('" + NAME + "')", List.of()).then();
      case WRITE_TRANSACTION -> Mono.empty();
      case LOCK_ROW -> session.update("DELETE FROM " + table()).then();
    };
  }

  private String table() {
    return SqlHistory.q(choices, LOCK_TABLE);
  }
}
