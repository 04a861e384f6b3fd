package io.toasty.codegen;

import com.palantir.javapoet.CodeBlock;
import io.toasty.schema.app.Auto;

/**
 * A model's data field (stored in a column), as the parser read it from a record component.
 *
 * @param index        its position among the data fields (its schema index and its column)
 * @param name         the record component's name
 * @param constant     the name of its path constant in the entry class ({@code LOGIN_COUNT})
 * @param column       the column it is stored in
 * @param type         its type
 * @param key          whether it is (part of) the primary key
 * @param auto         how it is generated, or {@code null}
 * @param defaultValue the code making its {@code @Default} value, or {@code null}
 * @param component    its position among the record's components
 * @param onUpdate     what every update that does not set it writes, or {@code null}
 */
record FieldDescriptor(int index, String name, String constant, String column, FieldType type,
    boolean key, Auto auto, CodeBlock defaultValue, int component, Auto onUpdate) {

  /** A field that updates leave alone. */
  FieldDescriptor(int index, String name, String constant, String column, FieldType type,
      boolean key, Auto auto, CodeBlock defaultValue, int component) {
    this(index, name, constant, column, type, key, auto, defaultValue, component, null);
  }
}
