package io.toasty.reactive;

/**
 * What a {@link Db}'s transactions came to so far: those of {@code db.transaction(..)},
 * {@code db.begin()}, and the ones the engine opens for plans that write several times. Once every
 * transaction has ended, {@code begun == committed + rolledBack + cancelled}.
 *
 * @param begun          transactions begun (BEGIN succeeded)
 * @param committed      transactions committed
 * @param rolledBack     transactions rolled back after an error, a failed commit, an explicit
 *                       {@code rollback()} or {@code close()}, or because their {@link Tx} was
 *                       dropped while still open
 * @param cancelled      transactions rolled back because their subscriber cancelled
 * @param failedCleanups rollbacks and connection releases that failed; each is logged (after a
 *                       cancel nobody is left to see the error), and the connection is released
 *                       all the same
 */
public record TxStats(long begun, long committed, long rolledBack, long cancelled,
    long failedCleanups) {

  /** Transactions begun and not yet ended. */
  public long active() {
    return begun - committed - rolledBack - cancelled;
  }
}
