package io.toasty.reactive;

/**
 * What a {@link Db}'s transactions came to so far: those of {@code db.transaction(..)},
 * {@code db.begin()}, and the ones the engine opens for plans that write several times (not an
 * outer manager's, such as Spring's, whose connection the {@code Db} joins). Once every
 * transaction has ended, {@code begun == committed + rolledBack + cancelled +
 * commitOutcomeUnknown}. How long they were open: {@link Db#transactionTimes()}.
 *
 * @param begun                transactions begun (BEGIN succeeded)
 * @param committed            transactions committed
 * @param rolledBack           transactions rolled back after an error, a failed commit whose
 *                             outcome is known, an explicit {@code rollback()} or
 *                             {@code close()}, a timeout, or because their {@link Tx} was
 *                             dropped while still open
 * @param cancelled            transactions rolled back because their subscriber cancelled
 * @param failedCleanups       rollbacks and connection releases that failed; each is logged
 *                             (after a cancel nobody is left to see the error), and the
 *                             connection is released all the same
 * @param commitOutcomeUnknown transactions whose COMMIT may or may not have been applied (its
 *                             connection was lost on the way): each failed with a
 *                             {@link io.toasty.error.CommitOutcomeUnknownException}
 */
public record TxStats(long begun, long committed, long rolledBack, long cancelled,
    long failedCleanups, long commitOutcomeUnknown) {

  /** Stats with no commit of unknown outcome. */
  public TxStats(long begun, long committed, long rolledBack, long cancelled,
      long failedCleanups) {
    this(begun, committed, rolledBack, cancelled, failedCleanups, 0);
  }

  /** Transactions begun and not yet ended. */
  public long active() {
    return begun - committed - rolledBack - cancelled - commitOutcomeUnknown;
  }
}
