package io.toasty;

import io.toasty.stmt.ExprNode;
import io.toasty.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * What a query can {@link Select#select select} and {@link Projected#groupBy group by}: an
 * {@link Expr} (a field's path, an aggregate, arithmetic), or a field stored in several columns
 * ({@link CompositePath}: an embedded record, a sealed interface with data). Each result comes back
 * as the Java type {@code T}, whatever the backend returned: an enum as its constant, an embedded
 * record as the record.
 *
 * @param <T> the Java type of a result
 */
public interface Selectable<T> {

  /** The untyped node a query selects: one expression, or a record of a field's columns. */
  ExprNode node();

  /**
   * The Java value of a result of this selection, or {@code null} for NULL (and for an absent
   * {@code Optional} field).
   *
   * @throws IllegalArgumentException when {@code value} is not of this selection's type
   */
  @Nullable T read(Value value);
}
