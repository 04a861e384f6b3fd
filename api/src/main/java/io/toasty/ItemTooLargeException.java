package io.toasty;

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
  public ItemTooLargeException(String backend, String model, long size, long limit) {
    super(model, null, "[" + backend + "] a " + model + " record of " + size
        + " bytes is larger than the " + limit + " bytes (" + limit / 1024 + " KB) " + backend
        + " stores in one item; nothing was written", null);
    this.size = size;
    this.limit = limit;
  }

  /** The item's size in bytes, as the backend counts it. */
  public long size() {
    return size;
  }

  /** The backend's item limit in bytes. */
  public long limit() {
    return limit;
  }
}
