package io.toasty.error;

/**
 * The connection was lost before COMMIT was sent, so the database rolled the transaction back:
 * none of its writes was committed. Transient: running the whole transaction again is safe, and
 * a retry policy on the transaction ({@code TxOptions.retry}) does so. The lost connection is the
 * cause. Compare {@link CommitOutcomeUnknownException}, where COMMIT may have reached the
 * database and the outcome cannot be known.
 */
public final class TransactionRolledBackException extends DriverException {
  private static final long serialVersionUID = 1L;

  /** A transaction that ended with {@code lost}, which the driver knows COMMIT never reached. */
  public TransactionRolledBackException(String backend, ConnectionLostException lost) {
    super(backend, lost.sqlState(), "the connection was lost before COMMIT was sent: the "
        + "transaction was rolled back, and nothing of it was committed", lost);
  }

  @Override
  public boolean isTransient() {
    return true;
  }

  /**
   * {@link ErrorCategory#UNAVAILABLE}: the database was out of reach; the request itself was
   * fine, and trying it again is safe.
   */
  @Override
  public ErrorCategory category() {
    return ErrorCategory.UNAVAILABLE;
  }
}
