package io.toasty.error;

import org.jspecify.annotations.Nullable;

/**
 * The database aborted a statement or transaction that could not be serialized with concurrent
 * ones: a serialization failure, a deadlock, or a wait for a row lock that gave up (a lock
 * timeout, {@code NOWAIT}), which {@link #isLockWaitTimeout()} tells apart. Transient: the whole
 * transaction may be retried.
 */
public final class SerializationFailureException extends DriverException {
  private static final long serialVersionUID = 1L;
  private final boolean lockWaitTimeout;

  /** A serialization failure or deadlock. */
  public SerializationFailureException(String backend, @Nullable String sqlState, String message,
      @Nullable Throwable cause) {
    this(backend, sqlState, message, cause, false);
  }

  /**
   * @param lockWaitTimeout whether the statement gave up waiting for a lock another transaction
   *                        holds (rather than the database aborting a conflict or a deadlock)
   */
  public SerializationFailureException(String backend, @Nullable String sqlState, String message,
      @Nullable Throwable cause, boolean lockWaitTimeout) {
    super(backend, sqlState, message, cause);
    this.lockWaitTimeout = lockWaitTimeout;
  }

  /**
   * Whether the statement gave up waiting for a lock another transaction holds: PostgreSQL's
   * {@code lock_timeout} or {@code NOWAIT} (SQLSTATE 55P03), MariaDB's and MySQL's
   * {@code innodb_lock_wait_timeout} or {@code NOWAIT} (errors 1205, 3572), H2's
   * {@code LOCK_TIMEOUT} (HYT00), SQLite's busy timeout. False for a serialization failure or a
   * deadlock, where the database aborted the statement to let the others go on.
   */
  public boolean isLockWaitTimeout() {
    return lockWaitTimeout;
  }

  @Override
  public boolean isTransient() {
    return true;
  }

  /**
   * {@link ErrorCategory#CONFLICT}: a concurrent transaction holds or changed what this one
   * needed (a lock, a row since the snapshot); the work may be tried again from the start.
   */
  @Override
  public ErrorCategory category() {
    return ErrorCategory.CONFLICT;
  }
}
