package io.toasty;

import io.toasty.stmt.ExprNode;
import io.toasty.stmt.OrderBy;
import io.toasty.value.Type;
import io.toasty.value.Value;
import io.toasty.value.Values;
import org.jspecify.annotations.Nullable;

/**
 * A model field, as generated in the entry class ({@code Users.EMAIL}). Compare it, order by it,
 * and set it in creates and updates.
 *
 * @param <T> the field's Java type ({@code Optional<T>} fields have paths of {@code T})
 */
public class Path<T> extends Expr<T> {
  private final String model;
  private final int index;
  private final String name;
  private final @Nullable String wholeOnly;
  private final @Nullable Class<T> enumClass;

  /** The path of the {@code index}th field of {@code model}, called {@code name}. */
  public Path(String model, int index, String name, Type type) {
    this(model, index, name, type, null);
  }

  /**
   * The path of a field inside the {@code Optional} embedded record field {@code wholeOnly}
   * ({@code null} for any other field), which creates and updates set whole: setting one of its
   * fields alone could store a value that is half present.
   */
  public Path(String model, int index, String name, Type type, @Nullable String wholeOnly) {
    this(model, index, name, type, wholeOnly, null);
  }

  /**
   * The path of an enum field ({@code type} a {@link Type.Enum}), whose values {@link #read} as
   * constants of {@code enumClass}; {@code wholeOnly} as above.
   */
  public Path(String model, int index, String name, Type type, @Nullable String wholeOnly,
      @Nullable Class<T> enumClass) {
    super(new ExprNode.Field(model, index), type);
    this.model = model;
    this.index = index;
    this.name = name;
    this.wholeOnly = wholeOnly;
    if (enumClass != null && !enumClass.isEnum()) {
      throw new IllegalArgumentException(model + "." + name + ": " + enumClass + " is no enum");
    }
    this.enumClass = enumClass;
  }

  /** The model's name. */
  public final String model() {
    return model;
  }

  /** The field's index in the model. */
  public final int index() {
    return index;
  }

  /** The field's name. */
  public final String name() {
    return name;
  }

  /**
   * The {@code Optional} embedded record field this field lies in, which creates and updates set
   * whole; {@code null} for any other field.
   */
  public final @Nullable String wholeOnly() {
    return wholeOnly;
  }

  /**
   * The engine value of {@code value} for this field ({@code NULL} for null): the value a
   * builder's setter stores. A JSON field's path makes a document of it.
   */
  public Value toValue(@Nullable T value) {
    return Value.of(value);
  }

  /**
   * {@inheritDoc} The field's Java type: an enum field's constant (by its stored name), else as
   * the field's type says.
   */
  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public @Nullable T read(Value value) {
    if (enumClass == null || value.isNull()) {
      return super.read(value);
    }
    return (T) Values.asEnum(value, (Class) enumClass);
  }

  /** Ascending order on this field. */
  public final Order asc() {
    return new Order(new OrderBy(node(), OrderBy.Direction.ASC));
  }

  /** Descending order on this field. */
  public final Order desc() {
    return new Order(new OrderBy(node(), OrderBy.Direction.DESC));
  }

  @Override
  public String toString() {
    return model + "." + name;
  }
}
