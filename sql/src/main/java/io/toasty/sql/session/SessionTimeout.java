package io.toasty.sql.session;

import io.toasty.driver.StatementTimeout;
import io.toasty.sql.dialect.SqlDialect;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * The statement timeout of one lent connection's session. The server enforces it (PostgreSQL's
 * {@code statement_timeout}, MariaDB's {@code max_statement_time}, H2's {@code QUERY_TIMEOUT}
 * and {@code LOCK_TIMEOUT}; SQLite through the bridge's {@code setStatementTimeout}, which
 * interrupts the statement), so a statement past it stops on the server, not only in the client.
 * Before each statement the session is set to what the statement's Context asks
 * ({@link StatementTimeout}) when that differs from what it has; the connection sets it back
 * before it returns to the pool ({@link #restore}). Shared by the SQL transports: each says how
 * its session is set ({@code apply}).
 */
public final class SessionTimeout {
  /** Sets the session to stop statements after a limit (null: never). */
  private final Function<@Nullable Duration, Mono<Void>> apply;
  private final SqlDialect dialect;
  /** What the session has when lent: the pool's setting, or null (the server's default). */
  private final @Nullable Duration lent;
  /** The limit of a statement whose Context sets none: the driver's default, or null. */
  private final @Nullable Duration fallback;
  /** What the session is set to now. */
  private volatile @Nullable Duration current;

  /**
   * The timeout of a session that has {@code lent} (null: none) when lent, whose statements get
   * {@code fallback} (null: none) unless their Context says otherwise; {@code apply} sets the
   * session's limit (null: none), usually with {@link SqlDialect#statementTimeoutSql}.
   */
  public SessionTimeout(SqlDialect dialect, @Nullable Duration lent, @Nullable Duration fallback,
      Function<@Nullable Duration, Mono<Void>> apply) {
    this.apply = apply;
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
  public Mono<Void> before(ContextView context) {
    return Mono.defer(() -> {
      Optional<Duration> wanted = StatementTimeout.remaining(context, fallback);
      if (wanted.isPresent() && (wanted.get().isZero() || wanted.get().isNegative())) {
        return Mono.error(StatementTimeout.expired(dialect.backend()));
      }
      return set(wanted.orElse(null));
    });
  }

  /** Whether a statement sent now runs under a limit. */
  public boolean limited() {
    return current != null;
  }

  /** Whether the session has the limit it had when lent: {@link #restore()} has nothing to do. */
  public boolean asLent() {
    return Objects.equals(lent, current);
  }

  /** Sets the session back to what it had when lent, if a statement changed it. */
  public Mono<Void> restore() {
    return Mono.defer(() -> set(lent));
  }

  private Mono<Void> set(@Nullable Duration limit) {
    if (Objects.equals(limit, current)) {
      return Mono.empty();
    }
    current = limit;
    return apply.apply(limit);
  }
}
