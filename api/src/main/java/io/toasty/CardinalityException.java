package io.toasty;

/**
 * A write would give a record more related records than its relation's {@code @AtMost} allows:
 * nothing was written.
 */
public final class CardinalityException extends ToastyException {
  private static final long serialVersionUID = 1L;
  private final String relation;
  private final int limit;
  private final long count;

  /**
   * @param model    the model declaring the relation
   * @param relation the relation field
   * @param record   which record: its key, printed
   * @param limit    the relation's limit
   * @param count    how many related records the write would have left it with
   */
  public CardinalityException(String model, String relation, String record, int limit,
      long count) {
    this(model, relation, record, limit, count, null);
  }

  /**
   * The same, with the backend's error that reported it ({@code cause}): where the backend's
   * own condition keeps the limit (a DynamoDB transaction cancelled by a counter's condition).
   */
  public CardinalityException(String model, String relation, String record, int limit,
      long count, Throwable cause) {
    super(model, relation, "at most " + limit + " related record" + (limit == 1 ? "" : "s")
        + " allowed, the write would leave " + record + " with " + count
        + "; nothing was written", cause);
    this.relation = relation;
    this.limit = limit;
    this.count = count;
  }

  /** The relation field whose limit the write would break. */
  public String relation() {
    return relation;
  }

  /** The relation's limit ({@code @AtMost}). */
  public int limit() {
    return limit;
  }

  /** How many related records the write would have left the record with. */
  public long count() {
    return count;
  }
}
