package io.toasty.error;

/**
 * The connection was lost while a transaction committed: the database may have committed it or
 * not, and the client cannot tell. Not transient: running the transaction again could apply its
 * writes twice. Check what was written (read it back by a key or a request id the transaction
 * stored) before repeating the work. The lost connection is the cause.
 */
public final class CommitOutcomeUnknownException extends DriverException {
  private static final long serialVersionUID = 1L;

  public CommitOutcomeUnknownException(String backend, ConnectionLostException lost) {
    super(backend, lost.sqlState(), "the connection was lost during COMMIT: the transaction may "
        + "or may not have been committed", lost);
  }

  /**
   * {@link ErrorCategory#INTERNAL}: not {@code UNAVAILABLE}, whose callers try again: the
   * transaction may have been committed, so repeating it could apply its writes twice.
   */
  @Override
  public ErrorCategory category() {
    return ErrorCategory.INTERNAL;
  }
}
