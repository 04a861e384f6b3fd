package io.toasty;

import io.toasty.error.InvalidStatementException;
import io.toasty.generated.AbstractSelect;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.IncludeNode;
import io.toasty.value.Type;

/**
 * The path of a {@link Deferred} field of model {@code M} ({@code Users.BIO}): a field like any
 * other in filters, orders, creates and updates, and an include that has a query read it
 * ({@code Users.all().include(Users.BIO)}), which a query otherwise leaves unread.
 *
 * @param <M> the model
 * @param <T> the field's stored type
 */
public class DeferredPath<M, T> extends Path<T> implements Include<M> {

  /** The path of the deferred {@code index}th field of {@code model}, called {@code name}. */
  public DeferredPath(String model, int index, String name, Type type) {
    super(model, index, name, type);
  }

  /** The path of a deferred enum field, read as constants of {@code enumClass}. */
  public DeferredPath(String model, int index, String name, Type type, Class<T> enumClass) {
    super(model, index, name, type, null, enumClass);
  }

  /**
   * Not a relation: {@link AbstractSelect#include} and {@link RelationInclude#then} read this
   * path as a field to load, never through this method.
   */
  @Override
  public IncludeNode untyped() {
    throw new InvalidStatementException(model(), name(), "a deferred field is included by a "
        + "query's include(..), not as a relation");
  }

  /** The field, as the statement tree names it. */
  public ExprNode.Field field() {
    return (ExprNode.Field) node();
  }
}
