package io.toasty;

import io.toasty.error.InvalidStatementException;
import io.toasty.value.JavaValues;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The rows of a raw statement ({@link SqlStatement}, {@link PartiqlStatement}) projected to
 * chosen fields of a model: each column decoded as its field's type, the Java values handed to a
 * mapper (a generated {@code @Projection}'s {@code map}, or your own).
 *
 * @param columns the fields' indexes in the model, in projection order
 * @param types   each field's type, in projection order
 * @param mapper  what a row's Java values become
 * @param <R>     the projection
 */
record FieldProjection<R>(List<Integer> columns, List<Type> types, Function<Object[], R> mapper) {

  /**
   * The projection of {@code fields}, each a path of {@code model}.
   *
   * @throws InvalidStatementException naming {@code language} when one is not
   */
  static <R> FieldProjection<R> of(String language, ModelDef<?> model,
      Function<Object[], R> mapper, List<? extends Expr<?>> fields) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(mapper, "mapper");
    List<Integer> columns = new ArrayList<>(fields.size());
    List<Type> types = new ArrayList<>(fields.size());
    for (Expr<?> e : fields) {
      if (!(e instanceof Path<?> p) || !p.model().equals(model.name())) {
        throw new InvalidStatementException(model.name(), null, language
            + ": a projection reads fields of " + model.name() + ", not " + e);
      }
      columns.add(p.index());
      types.add(p.type());
    }
    return new FieldProjection<>(List.copyOf(columns), List.copyOf(types), mapper);
  }

  /** The projection of one row, whose values are in projection order. */
  R map(List<Value> values) {
    Object[] java = new Object[types.size()];
    for (int i = 0; i < java.length; i++) {
      java[i] = JavaValues.of(types.get(i), values.get(i));
    }
    return mapper.apply(java);
  }
}
