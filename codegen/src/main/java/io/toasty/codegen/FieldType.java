package io.toasty.codegen;

import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The type of a model field.
 *
 * @param kind     what kind of value it holds
 * @param type     its Java type without {@code Optional}: {@code long}, {@code Long},
 *                 {@code byte[]}
 * @param optional whether the field is an {@code Optional<type>} (and so nullable)
 * @param enumType the enum, for {@link FieldKind#ENUM}; else {@code null}
 * @param sensitive whether the field is a {@code Secret<type>} (stored as its {@code type})
 * @param item     a collection's item kind (a map's values'); else {@code null}
 * @param deferred  whether the field is a {@code Deferred<type>} (or {@code Deferred<Optional<
 *                  type>>}): stored as its {@code type}, read only when a query includes it
 * @param document  for a {@code @Json} field of a sealed interface of records, its variants
 *                  (stored as one document tagged with the discriminator); else {@code null}
 */
record FieldType(FieldKind kind, TypeName type, boolean optional, @Nullable EnumType enumType,
    boolean sensitive, @Nullable FieldKind item, boolean deferred,
    @Nullable SealedDocument document) {

  /** A field type that is no sealed document. */
  FieldType(FieldKind kind, TypeName type, boolean optional, @Nullable EnumType enumType,
      boolean sensitive, @Nullable FieldKind item, boolean deferred) {
    this(kind, type, optional, enumType, sensitive, item, deferred, null);
  }

  /** A field type that queries always read. */
  FieldType(FieldKind kind, TypeName type, boolean optional, @Nullable EnumType enumType,
      boolean sensitive, @Nullable FieldKind item) {
    this(kind, type, optional, enumType, sensitive, item, false);
  }

  /** A field type that is no collection. */
  FieldType(FieldKind kind, TypeName type, boolean optional, @Nullable EnumType enumType,
      boolean sensitive) {
    this(kind, type, optional, enumType, sensitive, null);
  }

  /** A field type that is not wrapped in {@code Secret}. */
  FieldType(FieldKind kind, TypeName type, boolean optional, @Nullable EnumType enumType) {
    this(kind, type, optional, enumType, false);
  }

  /** The record component's declared type. */
  TypeName declared() {
    return optional ? ParameterizedTypeName.get(ApiTypes.OPTIONAL, value()) : value();
  }

  /** The type of the field's value as a setter takes it: {@code Secret<type>} or the type. */
  TypeName value() {
    return sensitive ? ParameterizedTypeName.get(ApiTypes.SENSITIVE, type.box()) : type;
  }

  /** The type argument of the field's path: the boxed type. */
  TypeName pathArgument() {
    return type.box();
  }

  /** Whether the field holds a Java primitive. */
  boolean isPrimitive() {
    return type.isPrimitive();
  }

  /** The enum of a {@link FieldKind#ENUM} field, which {@link TypeMapper} gives it. */
  EnumType enumOf() {
    return Objects.requireNonNull(enumType, "an enum field has its enum");
  }

  /** The item kind of a collection field, which {@link TypeMapper} gives it. */
  FieldKind itemOf() {
    return Objects.requireNonNull(item, "a collection field has its item kind");
  }
}
