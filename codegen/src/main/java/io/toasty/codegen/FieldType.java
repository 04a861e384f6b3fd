package io.toasty.codegen;

import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;

/**
 * The type of a model field.
 *
 * @param kind     what kind of value it holds
 * @param type     its Java type without {@code Optional}: {@code long}, {@code Long},
 *                 {@code byte[]}
 * @param optional whether the field is an {@code Optional<type>} (and so nullable)
 * @param enumType the enum, for {@link FieldKind#ENUM}; else {@code null}
 */
record FieldType(FieldKind kind, TypeName type, boolean optional, EnumType enumType) {

  /** The record component's declared type. */
  TypeName declared() {
    return optional ? ParameterizedTypeName.get(ApiTypes.OPTIONAL, type) : type;
  }

  /** The type argument of the field's path: the boxed type. */
  TypeName pathArgument() {
    return type.box();
  }

  /** Whether the field holds a Java primitive. */
  boolean isPrimitive() {
    return type.isPrimitive();
  }
}
