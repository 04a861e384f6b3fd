package io.toasty.codegen;

import com.palantir.javapoet.CodeBlock;
import io.toasty.schema.app.AutoStrategy;
import org.jspecify.annotations.Nullable;

/**
 * A model's data field (stored in a column), as the parser read it from a record component: a
 * component of the model, or a leaf of an embedded record stored flattened into the model.
 *
 * @param index        its position among the data fields (its schema index and its column)
 * @param name         the record component's name; for a leaf of an embedded record, its path
 *                     from the model ({@code address.city})
 * @param constant     the name of its path constant in the entry class ({@code LOGIN_COUNT}), or
 *                     in its embedded record's paths class ({@code CITY})
 * @param column       the column it is stored in
 * @param type         its type
 * @param key          whether it is (part of) the primary key
 * @param auto         how it is generated, or {@code null}
 * @param defaultValue the code making its {@code @Default} value, or {@code null}
 * @param component    its position among the components of its record (the model's, or the
 *                     embedded record's)
 * @param onUpdate     what every update that does not set it writes, or {@code null}
 * @param wholeOnly    for a leaf inside an {@code Optional} embedded record, the outermost such
 *                     record's path ({@code work}): its column is nullable even when the field is
 *                     not {@code Optional}, and creates and updates set that record whole;
 *                     {@code null} for any other field
 * @param sensitive    whether it is {@code @Sensitive}
 */
record FieldDescriptor(int index, String name, String constant, String column, FieldType type,
    boolean key, @Nullable AutoStrategy auto, @Nullable CodeBlock defaultValue, int component,
    @Nullable AutoStrategy onUpdate, @Nullable String wholeOnly, boolean sensitive,
    @Nullable String renamedFrom) implements DataMember {

  /** A field whose column was not renamed. */
  FieldDescriptor(int index, String name, String constant, String column, FieldType type,
      boolean key, @Nullable AutoStrategy auto, @Nullable CodeBlock defaultValue, int component,
      @Nullable AutoStrategy onUpdate, @Nullable String wholeOnly, boolean sensitive) {
    this(index, name, constant, column, type, key, auto, defaultValue, component, onUpdate,
        wholeOnly, sensitive, null);
  }

  /** A field whose values are not sensitive. */
  FieldDescriptor(int index, String name, String constant, String column, FieldType type,
      boolean key, @Nullable AutoStrategy auto, @Nullable CodeBlock defaultValue, int component,
      @Nullable AutoStrategy onUpdate, @Nullable String wholeOnly) {
    this(index, name, constant, column, type, key, auto, defaultValue, component, onUpdate,
        wholeOnly, false);
  }

  /** A field of the model itself that updates leave alone. */
  FieldDescriptor(int index, String name, String constant, String column, FieldType type,
      boolean key, @Nullable AutoStrategy auto, @Nullable CodeBlock defaultValue, int component) {
    this(index, name, constant, column, type, key, auto, defaultValue, component, null, null);
  }

  /** Whether its column may hold NULL. */
  boolean nullable() {
    return type.optional() || wholeOnly != null;
  }

  /** Whether it is a leaf of an embedded record. */
  boolean embedded() {
    return name.indexOf('.') >= 0;
  }

  /** The accessor of its record component: the last part of its name. */
  public String accessor() {
    return name.substring(name.lastIndexOf('.') + 1);
  }
}
