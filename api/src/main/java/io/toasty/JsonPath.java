package io.toasty;

import io.toasty.error.InvalidStatementException;
import io.toasty.error.JsonFieldException;
import io.toasty.stmt.ExprNode;
import io.toasty.value.Type;
import io.toasty.value.Value;
import io.toasty.value.Values;
import java.lang.reflect.ParameterizedType;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The path of a {@code @Json} field, generated as an anonymous subclass so that it knows the
 * field's declared Java type ({@link #javaType()}), generics included. Filters reach a scalar
 * inside the document with {@link #text(String...)}; the whole document is tested with
 * {@code isNull()} / {@code isNotNull()} only (documents compare by their paths).
 *
 * <pre>{@code
 * Accounts.filter(Accounts.SETTINGS.text("theme").eq("dark"))
 * Accounts.filter(Accounts.SETTINGS.text("limits", "daily").eq("100"))
 * }</pre>
 *
 * @param <T> the field's Java type
 */
public abstract class JsonPath<T> extends Path<T> {
  private final java.lang.reflect.Type javaType;

  /** A JSON field's path; subclass it anonymously with the field's type as {@code T}. */
  protected JsonPath(String model, int index, String name) {
    super(model, index, name, Type.Scalar.JSON);
    java.lang.reflect.Type superType = getClass().getGenericSuperclass();
    if (!(superType instanceof ParameterizedType p)) {
      throw new IllegalStateException(model + "." + name + ": a JsonPath is made as an anonymous"
          + " subclass with its type argument, new JsonPath<T>(..) {}");
    }
    this.javaType = p.getActualTypeArguments()[0];
  }

  /** A document of {@code value}, written by the {@code Db}'s codec when the statement runs. */
  @Override
  public Value toValue(@Nullable T value) {
    return Value.json(value, javaType);
  }

  /**
   * {@inheritDoc} The document as an object of the field's type, read by the {@code Db}'s codec.
   *
   * @throws JsonFieldException naming model and field when the codec cannot read it
   */
  @Override
  public @Nullable T read(Value value) {
    return value.isNull() ? null : Values.asJson(value, javaType, model(), name());
  }

  /** The field's declared Java type (without {@code Optional}). */
  public final java.lang.reflect.Type javaType() {
    return javaType;
  }

  /**
   * The text of the scalar at {@code path} inside the document (object keys, from the top), or
   * NULL when there is none: a string as it is, a number or boolean as its JSON text. Backends
   * that cannot look inside a stored document refuse a filter on it with
   * {@code Feature.JSON_PATH}.
   *
   * @throws InvalidStatementException when the path is empty or a key is empty or holds a
   *     quote, a backslash or a control character
   */
  public final Expr<String> text(String... path) {
    Objects.requireNonNull(path, "path");
    List<String> keys = List.of(path);
    if (keys.isEmpty() || keys.stream().anyMatch(k -> k.isEmpty() || k.chars().anyMatch(
        c -> c == '"' || c == '\\' || c < 0x20))) {
      throw new InvalidStatementException(model(), name(), "a JSON path needs at least one key,"
          + " and no key that is empty or holds a quote, a backslash or a control character: "
          + keys);
    }
    return new Expr<>(new ExprNode.JsonText(node(), keys), Type.Scalar.STRING);
  }
}
