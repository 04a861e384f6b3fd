package io.toasty.reactive;

import io.toasty.driver.Operation;
import java.util.Objects;
import java.util.Optional;

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
  private static final TxOptions DEFAULTS = new TxOptions(null, false);

  /** The SQL isolation levels, weakest first. */
  public enum Isolation { READ_UNCOMMITTED, READ_COMMITTED, REPEATABLE_READ, SERIALIZABLE }

  private final Isolation isolation;
  private final boolean readOnly;

  private TxOptions(Isolation isolation, boolean readOnly) {
    this.isolation = isolation;
    this.readOnly = readOnly;
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
    return new TxOptions(Objects.requireNonNull(isolation, "isolation"), readOnly);
  }

  /** These options, read-only. */
  public TxOptions readOnly() {
    return new TxOptions(isolation, true);
  }

  /** The isolation level, or empty for the backend's default. */
  public Optional<Isolation> isolationLevel() {
    return Optional.ofNullable(isolation);
  }

  /** Whether the transaction is read-only. */
  public boolean isReadOnly() {
    return readOnly;
  }

  /** The driver operation that begins a transaction with these options. */
  Operation.Transaction begin() {
    return new Operation.Transaction(Operation.Transaction.Kind.BEGIN,
        isolation == null ? null : Operation.Transaction.Isolation.valueOf(isolation.name()),
        readOnly, null);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TxOptions t && t.isolation == isolation && t.readOnly == readOnly;
  }

  @Override
  public int hashCode() {
    return Objects.hash(isolation, readOnly);
  }

  @Override
  public String toString() {
    return "TxOptions[" + (isolation == null ? "default isolation" : isolation)
        + (readOnly ? ", read-only" : "") + "]";
  }
}
