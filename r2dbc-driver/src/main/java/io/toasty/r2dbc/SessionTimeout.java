package io.toasty.r2dbc;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Result;
import io.toasty.driver.StatementTimeout;
import io.toasty.sql.dialect.SqlDialect;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * The statement timeout of one lent connection's session. The server enforces it (PostgreSQL's
 * {@code statement_timeout}, MariaDB's {@code max_statement_time}, H2's {@code QUERY_TIMEOUT}
 * and {@code LOCK_TIMEOUT}; SQLite through the bridge's {@code setStatementTimeout}, which
 * interrupts the statement), so a statement past it stops on the server, not only in the client.
 * Before each statement the session is set to what the statement's Context asks
 * ({@link StatementTimeout}) when that differs from what it has; the connection sets it back
 * before it returns to the pool ({@link #restore}).
 */
final class SessionTimeout {
  private final Connection connection;
  private final SqlDialect dialect;
  /** What the session has when lent: the pool's setting, or null (the server's default). */
  private final @Nullable Duration lent;
  /** The limit of a statement whose Context sets none: the driver's default, or null. */
  private final @Nullable Duration fallback;
  /** What the session is set to now. */
  private volatile @Nullable Duration current;

  SessionTimeout(Connection connection, SqlDialect dialect, @Nullable Duration lent,
      @Nullable Duration fallback) {
    this.connection = connection;
    this.dialect = dialect;
    this.lent = lent;
    this.fallback = fallback;
    this.current = lent;
  }

  /**
   * Sets the session for a statement run with {@code context}, when subscribed (in the
   * statement's turn, so that a transaction's deadline counts from then); fails with
   * {@code QueryTimeoutException} without sending anything once a deadline has passed.
   */
  Mono<Void> before(ContextView context) {
    return Mono.defer(() -> {
      Optional<Duration> wanted = StatementTimeout.remaining(context, fallback);
      if (wanted.isPresent() && (wanted.get().isZero() || wanted.get().isNegative())) {
        return Mono.error(StatementTimeout.expired(dialect.backend()));
      }
      return set(wanted.orElse(null));
    });
  }

  /** Whether a statement sent now runs under a limit. */
  boolean limited() {
    return current != null;
  }

  /** Whether the session has the limit it had when lent: {@link #restore()} has nothing to do. */
  boolean asLent() {
    return Objects.equals(lent, current);
  }

  /** Sets the session back to what it had when lent, if a statement changed it. */
  Mono<Void> restore() {
    return Mono.defer(() -> set(lent));
  }

  private Mono<Void> set(@Nullable Duration limit) {
    if (Objects.equals(limit, current)) {
      return Mono.empty();
    }
    current = limit;
    return apply(connection, dialect, limit);
  }

  /** Sets {@code connection}'s session to stop statements after {@code limit} (null: never). */
  static Mono<Void> apply(Connection connection, SqlDialect dialect,
      @Nullable Duration limit) {
    List<String> sql = dialect.statementTimeoutSql(limit);
    if (sql.isEmpty()) {
      return Mono.from(connection.setStatementTimeout(limit == null ? Duration.ZERO : limit));
    }
    return Flux.fromIterable(sql)
        .concatMap(s -> Flux.from(connection.createStatement(s).execute())
            .concatMap(Result::getRowsUpdated))
        .then();
  }
}
