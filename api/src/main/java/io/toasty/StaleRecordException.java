package io.toasty;

/**
 * An update or delete of a record read earlier found it changed (its {@code @Version} moved on)
 * or deleted since: nothing was written. Read the record again and decide anew.
 */
public final class StaleRecordException extends ToastyException {
  private static final long serialVersionUID = 1L;

  /**
   * @param model  the model
   * @param record which record and which version: the statement's filter, printed
   */
  public StaleRecordException(String model, String record) {
    super(model, null, "the record (" + record + ") was changed or deleted since it was read; "
        + "nothing was written", null);
  }

  /** {@link ErrorCategory#CONFLICT}: the record changed since it was read. */
  @Override
  public ErrorCategory category() {
    return ErrorCategory.CONFLICT;
  }
}
