package io.toasty.reactive;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How a transaction begins: its isolation level (the backend's default unless set) and whether
 * it is read-only. Immutable; each method returns new options.
 *
 * <pre>{@code
 * db.transaction(TxOptions.serializable().readOnly(), tx -> Users.all().stream(tx));
 * }</pre>
 *
 * <p>Backends that enforce read-only transactions refuse writes inside one with a
 * {@code DriverException} (PostgreSQL, MySQL/MariaDB, SQLite); H2 (through r2dbc-h2) accepts the
 * option and ignores it.
 */
public final class TxOptions {
  private static final TxOptions DEFAULTS = new TxOptions(null, false, null, null);

  /** The SQL isolation levels, weakest first. */
  public enum Isolation { READ_UNCOMMITTED, READ_COMMITTED, REPEATABLE_READ, SERIALIZABLE }

  private final @Nullable Isolation isolation;
  private final boolean readOnly;
  /** The transaction's retries, or null for the {@code Db}'s ({@link DbBuilder#transactionRetry}). */
  private final @Nullable RetryPolicy retry;
  private final @Nullable Duration timeout;

  private TxOptions(@Nullable Isolation isolation, boolean readOnly, @Nullable RetryPolicy retry,
      @Nullable Duration timeout) {
    this.isolation = isolation;
    this.readOnly = readOnly;
    this.retry = retry;
    this.timeout = timeout;
  }

  /** The backend's default isolation, read-write. */
  public static TxOptions defaults() {
    return DEFAULTS;
  }

  /** {@link Isolation#READ_UNCOMMITTED}, read-write. */
  public static TxOptions readUncommitted() {
    return DEFAULTS.isolation(Isolation.READ_UNCOMMITTED);
  }

  /** {@link Isolation#READ_COMMITTED}, read-write. */
  public static TxOptions readCommitted() {
    return DEFAULTS.isolation(Isolation.READ_COMMITTED);
  }

  /** {@link Isolation#REPEATABLE_READ}, read-write. */
  public static TxOptions repeatableRead() {
    return DEFAULTS.isolation(Isolation.REPEATABLE_READ);
  }

  /** {@link Isolation#SERIALIZABLE}, read-write. */
  public static TxOptions serializable() {
    return DEFAULTS.isolation(Isolation.SERIALIZABLE);
  }

  /** These options with {@code isolation}. */
  public TxOptions isolation(Isolation isolation) {
    return new TxOptions(Objects.requireNonNull(isolation, "isolation"), readOnly, retry,
        timeout);
  }

  /** These options, read-only. */
  public TxOptions readOnly() {
    return new TxOptions(isolation, true, retry, timeout);
  }

  /** The isolation level, or empty for the backend's default. */
  public Optional<Isolation> isolationLevel() {
    return Optional.ofNullable(isolation);
  }

  /** Whether the transaction is read-only. */
  public boolean isReadOnly() {
    return readOnly;
  }

  /**
   * These options, with the whole transaction function run again from the start, in a new
   * transaction, when it fails with a serialization failure, a deadlock or throttling, or with
   * a lost connection or a pool timeout before any of its statements was sent, as
   * {@code policy} says, while the transaction has emitted nothing (so prefer
   * {@code transactionMono}, whose result comes after COMMIT). The function must be safe to run
   * again: no side effects outside the database. Nested transactions keep their outer one's
   * retries.
   */
  public TxOptions retry(RetryPolicy policy) {
    return new TxOptions(isolation, readOnly, Objects.requireNonNull(policy, "policy"), timeout);
  }

  /**
   * These options, with the whole transaction limited to {@code limit} from its start (in place
   * of the {@code Db}'s {@link DbBuilder#transactionTimeout}): a statement still running at the
   * end is stopped by the database, and the transaction fails with
   * {@link io.toasty.error.QueryTimeoutException} and is rolled back, its connection returned to the
   * pool. Each retry ({@link #retry}) has the whole limit again. Nested transactions keep their
   * outer one's.
   */
  public TxOptions timeout(Duration limit) {
    return new TxOptions(isolation, readOnly, retry, DbBuilder.positive("a transaction timeout",
        limit));
  }

  /** The transaction's timeout, or empty for the {@code Db}'s default. */
  public Optional<Duration> timeoutLimit() {
    return Optional.ofNullable(timeout);
  }

  /**
   * The retry policy of the whole transaction: the one given to {@link #retry}, else
   * {@link RetryPolicy#none()} (the {@code Db} then applies its
   * {@link DbBuilder#transactionRetry}, none by default).
   */
  public RetryPolicy retryPolicy() {
    return retry == null ? RetryPolicy.none() : retry;
  }

  /** The policy given to {@link #retry}, else {@code fallback}. */
  RetryPolicy retryPolicyOr(RetryPolicy fallback) {
    return retry == null ? fallback : retry;
  }

  /** Whether {@code other} asks for the same transaction (isolation and access mode). */
  boolean sameTransaction(TxOptions other) {
    return other.isolation == isolation && other.readOnly == readOnly;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TxOptions t && t.isolation == isolation && t.readOnly == readOnly
        && Objects.equals(t.retry, retry) && Objects.equals(t.timeout, timeout);
  }

  @Override
  public int hashCode() {
    return Objects.hash(isolation, readOnly, retry, timeout);
  }

  @Override
  public String toString() {
    return "TxOptions[" + (isolation == null ? "default isolation" : isolation)
        + (readOnly ? ", read-only" : "")
        + (retryPolicy().maxRetries() > 0 ? ", " + retryPolicy().maxRetries() + " retries" : "")
        + (timeout != null ? ", timeout " + timeout.toMillis() + " ms" : "") + "]";
  }
}
