package io.toasty;

/**
 * The database aborted a transaction that could not be serialized with concurrent ones (a
 * serialization failure or a deadlock). Transient: the whole transaction may be retried.
 */
public final class SerializationFailureException extends DriverException {
  private static final long serialVersionUID = 1L;

  public SerializationFailureException(String backend, String sqlState, String message,
      Throwable cause) {
    super(backend, sqlState, message, cause);
  }

  @Override
  public boolean isTransient() {
    return true;
  }
}
