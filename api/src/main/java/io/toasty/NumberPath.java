package io.toasty;

import io.toasty.value.Type;

/**
 * A numeric field: a {@link Path} with arithmetic ({@link Numeric}) for filters, orders and
 * update expressions.
 *
 * <pre>{@code
 * Users.filterById(1L).update().loginCount(Users.LOGIN_COUNT.plus(1)).exec(db)
 * }</pre>
 */
public class NumberPath<T extends Number> extends Path<T> implements Numeric<T> {

  public NumberPath(String model, int index, String name, Type type) {
    super(model, index, name, type);
  }

  /** A numeric field inside an {@code Optional} embedded record field; see {@link Path}. */
  public NumberPath(String model, int index, String name, Type type, String wholeOnly) {
    super(model, index, name, type, wholeOnly);
  }
}
