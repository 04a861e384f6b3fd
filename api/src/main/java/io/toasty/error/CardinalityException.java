package io.toasty.error;

import org.jspecify.annotations.Nullable;

/**
 * A write would give a record more related records than its relation's {@code @AtMost} allows,
 * or would leave a required has-one ({@code HasOne<Profile>}, exactly one) with none or with a
 * second ({@link #required()}): nothing was written.
 */
public final class CardinalityException extends ToastyException {
  private static final long serialVersionUID = 1L;
  private final String relation;
  private final int limit;
  private final long count;
  private final boolean required;

  /**
   * @param model    the model declaring the relation
   * @param relation the relation field
   * @param record   which record: its key, printed
   * @param limit    the relation's limit
   * @param count    how many related records the write would have left it with
   */
  public CardinalityException(@Nullable String model, String relation, String record, int limit,
      long count) {
    this(model, relation, record, limit, count, null);
  }

  /**
   * The same, with the backend's error that reported it ({@code cause}): where the backend's
   * own condition keeps the limit (a DynamoDB transaction cancelled by a counter's condition).
   */
  public CardinalityException(@Nullable String model, String relation, String record, int limit,
      long count, @Nullable Throwable cause) {
    this(model, relation, "at most " + limit + " related record" + (limit == 1 ? "" : "s")
        + " allowed", record, limit, count, false, cause);
  }

  private CardinalityException(@Nullable String model, String relation, String rule, String record,
      int limit, long count, boolean required, @Nullable Throwable cause) {
    super(model, relation, rule + ", the write would leave " + record + " with " + count
        + "; nothing was written", cause);
    this.relation = relation;
    this.limit = limit;
    this.count = count;
    this.required = required;
  }

  /**
   * A write would leave {@code record}'s required has-one {@code relation} with {@code count}
   * related records (0 or 2) where it must have exactly one.
   *
   * @param cause the backend's error that reported it, or null
   */
  public static CardinalityException exactlyOne(@Nullable String model, String relation,
      String record, long count, @Nullable Throwable cause) {
    return new CardinalityException(model, relation, "a required has-one: exactly 1 related "
        + "record required", record, 1, count, true, cause);
  }

  /** The relation field whose limit the write would break. */
  public String relation() {
    return relation;
  }

  /** The relation's limit ({@code @AtMost}). */
  public int limit() {
    return limit;
  }

  /** Whether the relation is a required has-one, which must keep exactly one record. */
  public boolean required() {
    return required;
  }

  /** How many related records the write would have left the record with. */
  public long count() {
    return count;
  }

  /**
   * {@link ErrorCategory#CONFLICT}: the write is well formed, but the related records already
   * stored leave no room for it (or would leave a required has-one without its record).
   */
  @Override
  public ErrorCategory category() {
    return ErrorCategory.CONFLICT;
  }
}
