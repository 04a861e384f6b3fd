package io.toasty.error;

import org.jspecify.annotations.Nullable;

/**
 * A record is larger than the backend stores in one item (DynamoDB: 400 KB, counted as the UTF-8
 * bytes of every attribute name plus the size of its value). Raised before anything is sent,
 * naming the model and the size; never transient: the same record fails again. Store large
 * values elsewhere (an object store) and keep a reference in the record.
 */
public final class ItemTooLargeException extends ToastyException {
  private static final long serialVersionUID = 1L;
  private final long size;
  private final long limit;

  /**
   * @param backend the backend's name ({@code dynamodb})
   * @param model   the model written
   * @param size    the item's size in bytes, as the backend counts it (at least this much, for
   *                an update that keeps the item's other attributes)
   * @param limit   the backend's limit in bytes
   */
  public ItemTooLargeException(String backend, @Nullable String model, long size, long limit) {
    super(model, null, "[" + backend + "] a " + model + " record of " + size
        + " bytes is larger than the " + limit + " bytes (" + limit / 1024 + " KB) " + backend
        + " stores in one item; nothing was written", null);
    this.size = size;
    this.limit = limit;
  }

  /**
   * The backend itself refused the item as too large, without saying its size (DynamoDB, for an
   * update sent without reading the item first, whose changes would grow the stored item past
   * the limit); {@link #size()} is then -1.
   *
   * @param backend the backend's name ({@code dynamodb})
   * @param model   the model written, or null when not known
   * @param limit   the backend's limit in bytes
   * @param cause   the backend's refusal
   */
  public ItemTooLargeException(String backend, @Nullable String model, long limit,
      @Nullable Throwable cause) {
    super(model, null, "[" + backend + "] a " + (model == null ? "" : model + " ")
        + "record would grow larger than the " + limit + " bytes (" + limit / 1024 + " KB) "
        + backend + " stores in one item, and " + backend + " refused the write ("
        + (cause == null ? null : cause.getMessage()) + "); nothing was written", cause);
    this.size = -1;
    this.limit = limit;
  }

  /** The item's size in bytes, as the backend counts it; -1 where the backend did not say. */
  public long size() {
    return size;
  }

  /** The backend's item limit in bytes. */
  public long limit() {
    return limit;
  }

  /**
   * {@link ErrorCategory#INVALID_INPUT}: the record's values are too large to store; the same
   * record fails again.
   */
  @Override
  public ErrorCategory category() {
    return ErrorCategory.INVALID_INPUT;
  }
}
