package io.toasty.stmt;

import java.util.Objects;

/**
 * A locking read ({@code SELECT .. FOR UPDATE}): the rows a query returns stay locked until its
 * transaction ends.
 *
 * @param mode an exclusive or a shared lock
 * @param onLocked what the query does about a row another transaction holds locked
 */
public record RowLock(Mode mode, OnLocked onLocked) {
  public RowLock {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(onLocked, "onLocked");
  }

  /** The lock taken on each returned row. */
  public enum Mode {
    /** Exclusive: other transactions can neither lock nor change the row ({@code FOR UPDATE}). */
    UPDATE,
    /** Shared: others may read-lock it too, but not change it ({@code FOR SHARE}). */
    SHARE
  }

  /** What happens at a row another transaction has locked. */
  public enum OnLocked {
    /** Wait for the lock. */
    WAIT,
    /** Fail at once ({@code NOWAIT}). */
    NOWAIT,
    /** Leave the row out of the result ({@code SKIP LOCKED}): queue-style work. */
    SKIP_LOCKED
  }
}
