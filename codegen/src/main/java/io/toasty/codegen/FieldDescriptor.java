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
 */
record FieldDescriptor(int index, String name, String constant, String column, FieldType type,
    boolean key, Auto auto, CodeBlock defaultValue, int component) {}
