package io.toasty.schema.app;

import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A model field.
 *
 * @param index        its position in the record (and in loaded rows)
 * @param name         the record component's name
 * @param type         its value type
 * @param nullable     whether it may hold null (exactly the {@code Optional<T>} fields)
 * @param auto         how it is generated when a create leaves it unset, or {@code null}
 * @param defaultValue the value a create uses when it leaves the field unset, or {@code null}
 * @param columnName   the column it is stored in
 * @param onUpdate     what every update that does not set the field writes to it
 *                     ({@code @UpdatedAt}, {@code @OnUpdate}: {@link AutoStrategy#NOW}, {@link
 *                     AutoStrategy#UUID_V4} or {@link AutoStrategy#UUID_V7}), or {@code null}
 * @param sensitive    whether its values are redacted from messages, logs and plan dumps
 *                     ({@code @Sensitive}; see {@link io.toasty.Redaction})
 * @param renamedFrom  the column's previous name ({@code @Column(renamedFrom = ..)}), which a
 *                     generated migration renames to {@code columnName}, or {@code null}
 * @param deferred     whether it is a {@code Deferred<T>} field, which a query reads only when
 *                     it includes the field
 */
public record FieldSchema(int index, String name, Type type, boolean nullable,
    @Nullable AutoStrategy auto, @Nullable Value defaultValue, String columnName,
    @Nullable AutoStrategy onUpdate, boolean sensitive, @Nullable String renamedFrom,
    boolean deferred) {
  public FieldSchema {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(columnName, "columnName");
    if (onUpdate != null && onUpdate != AutoStrategy.NOW && onUpdate != AutoStrategy.UUID_V4
        && onUpdate != AutoStrategy.UUID_V7) {
      throw new IllegalArgumentException(name + ": an update cannot generate " + onUpdate);
    }
  }

  /** A field that queries read whenever they read the record. */
  public FieldSchema(int index, String name, Type type, boolean nullable,
      @Nullable AutoStrategy auto, @Nullable Value defaultValue, String columnName,
      @Nullable AutoStrategy onUpdate, boolean sensitive, @Nullable String renamedFrom) {
    this(index, name, type, nullable, auto, defaultValue, columnName, onUpdate, sensitive,
        renamedFrom, false);
  }

  /** A field that was not renamed. */
  public FieldSchema(int index, String name, Type type, boolean nullable,
      @Nullable AutoStrategy auto, @Nullable Value defaultValue, String columnName,
      @Nullable AutoStrategy onUpdate, boolean sensitive) {
    this(index, name, type, nullable, auto, defaultValue, columnName, onUpdate, sensitive, null);
  }

  /** A field whose values are not sensitive. */
  public FieldSchema(int index, String name, Type type, boolean nullable,
      @Nullable AutoStrategy auto, @Nullable Value defaultValue, String columnName,
      @Nullable AutoStrategy onUpdate) {
    this(index, name, type, nullable, auto, defaultValue, columnName, onUpdate, false);
  }

  /** A field that updates leave alone unless they set it. */
  public FieldSchema(int index, String name, Type type, boolean nullable,
      @Nullable AutoStrategy auto, @Nullable Value defaultValue, String columnName) {
    this(index, name, type, nullable, auto, defaultValue, columnName, null);
  }

  /** This field stored in {@code column}. */
  public FieldSchema withColumnName(String column) {
    return new FieldSchema(index, name, type, nullable, auto, defaultValue, column, onUpdate,
        sensitive, renamedFrom, deferred);
  }

  /** Whether a create must set this field: it is not nullable, generated or defaulted. */
  public boolean isRequired() {
    return !nullable && auto == null && defaultValue == null;
  }
}
