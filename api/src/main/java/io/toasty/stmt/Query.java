package io.toasty.stmt;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A select: rows of {@code source} that match {@code filter}, ordered, limited, and shaped by
 * {@code returning}.
 *
 * @param source    a model (model level) or a table (table level)
 * @param filter    the condition; {@link ExprNode#TRUE} for all rows
 * @param returning what each row evaluates to
 * @param orderBy   ordering terms, possibly empty
 * @param limit     limit and offset, or {@code null}
 * @param lock      for a locking read inside a transaction, the row lock; else {@code null}
 * @param consistency how consistent the read must be where the backend offers the choice: a
 *                  key-value backend may take the rows straight from a secondary index's copy of
 *                  them (one index Query) instead of the keys from the index and the rows by key
 */
public record Query(Source source, ExprNode filter, Returning returning, List<OrderBy> orderBy,
    @Nullable Limit limit, @Nullable RowLock lock, ReadConsistency consistency)
    implements StatementNode {
  public Query {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(returning, "returning");
    Objects.requireNonNull(consistency, "consistency");
    orderBy = List.copyOf(orderBy);
  }

  /** A query read with the backend's default consistency. */
  public Query(Source source, ExprNode filter, Returning returning, List<OrderBy> orderBy,
      @Nullable Limit limit, @Nullable RowLock lock) {
    this(source, filter, returning, orderBy, limit, lock, ReadConsistency.DEFAULT);
  }

  /** A query that locks nothing. */
  public Query(Source source, ExprNode filter, Returning returning, List<OrderBy> orderBy,
      @Nullable Limit limit) {
    this(source, filter, returning, orderBy, limit, null);
  }

  /** All records of a model. */
  public static Query all(String model) {
    return new Query(
        new Source.Model(model), ExprNode.TRUE, Returning.Model.plain(), List.of(), null);
  }

  public Query withFilter(ExprNode filter) {
    return new Query(source, filter, returning, orderBy, limit, lock, consistency);
  }

  public Query withReturning(Returning returning) {
    return new Query(source, filter, returning, orderBy, limit, lock, consistency);
  }

  public Query withOrderBy(List<OrderBy> orderBy) {
    return new Query(source, filter, returning, orderBy, limit, lock, consistency);
  }

  public Query withLimit(@Nullable Limit limit) {
    return new Query(source, filter, returning, orderBy, limit, lock, consistency);
  }

  public Query withLock(@Nullable RowLock lock) {
    return new Query(source, filter, returning, orderBy, limit, lock, consistency);
  }

  /** This query, read with {@code consistency}. */
  public Query withConsistency(ReadConsistency consistency) {
    return new Query(source, filter, returning, orderBy, limit, lock, consistency);
  }
}
