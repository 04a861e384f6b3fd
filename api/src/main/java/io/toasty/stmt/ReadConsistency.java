package io.toasty.stmt;

/**
 * How consistent a read must be, where a backend offers the choice: on DynamoDB, whether a
 * filter on an indexed field may take the items from the global secondary index's copy of them.
 * SQL and graph backends always read consistently and ignore it. Read-your-writes by key and by
 * a unique field holds under every setting (docs/dynamodb.md, "Reads by an index").
 */
public enum ReadConsistency {
  /**
   * The backend's default: on DynamoDB a read by a non-unique index takes the items from the
   * index (one eventually consistent {@code Query}, as the index itself is); a read by key or by
   * every field of a unique index stays strongly consistent; a locking read is consistent.
   */
  DEFAULT,
  /** Eventually consistent wherever the backend can answer from an index's copy. */
  EVENTUAL,
  /**
   * Strongly consistent item contents: on DynamoDB the keys from the index, then each item by key
   * (two requests); a record deleted since stays out and one changed since shows its new values.
   */
  STRONG;

  /**
   * Whether a read by an index takes the items from the index's copy of them (one index Query)
   * rather than its keys and then each item by key: always when {@code EVENTUAL}, never when
   * {@code STRONG}, by default for a non-unique index only (a unique one is read through its
   * uniqueness item, strongly consistent).
   */
  public boolean fromIndex(boolean unique) {
    return this == EVENTUAL || this == DEFAULT && !unique;
  }
}
