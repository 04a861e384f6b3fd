package io.toasty.codegen;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the paths of sealed-interface fields: per field a class nested in the entry class
 * ({@code Users.StatusFields}) with the discriminator's path, a paths class per variant with
 * fields ({@code Users.STATUS.SUSPENDED.REASON}), and the variant filters
 * ({@code Users.STATUS.is(Suspended.class)}).
 */
final class SealedPathsWriter {
  private static final ClassName ORDER = ClassName.get("io.toasty", "Order");
  private static final ClassName INVALID_FILTER = ClassName.get("io.toasty.error",
      "InvalidFilterException");

  private final ModelDescriptor model;
  private final SealedDescriptor field;

  private SealedPathsWriter(ModelDescriptor model, SealedDescriptor field) {
    this.model = model;
    this.field = field;
  }

  /** {@code public static final StatusFields STATUS}: a sealed field's constant. */
  static FieldSpec constant(ModelDescriptor model, SealedDescriptor s) {
    return FieldSpec.builder(pathsClass(model, s), s.constant(), PUBLIC, STATIC, FINAL)
        .addJavadoc("Sealed-interface field {@code $L} ({@link $T}): its variant filters and the"
            + " paths of its\nvariants' fields.\n", s.name(), s.type())
        .initializer("new $T()", pathsClass(model, s))
        .build();
  }

  /** The paths classes of every sealed field of {@code model}, its variants' included. */
  static List<TypeSpec> classes(ModelDescriptor model) {
    List<TypeSpec> out = new ArrayList<>();
    for (SealedDescriptor s : model.sealed()) {
      new SealedPathsWriter(model, s).add(out);
    }
    return out;
  }

  static ClassName pathsClass(ModelDescriptor model, SealedDescriptor s) {
    return model.entry().nestedClass(s.pathsSuffix());
  }

  private void add(List<TypeSpec> out) {
    TypeSpec.Builder type = CompositePaths.extend(TypeSpec.classBuilder(pathsClass(model, field))
        .addJavadoc("The paths of sealed-interface field {@code $L} ({@link $T}), and the field"
            + " whole, to select\nand group by.\n", field.name(), field.type())
        .addModifiers(PUBLIC, STATIC, FINAL), model, field.name(), field.type(),
        field.discriminator().index(), field.end(), SealedValuesWriter.loader(field),
        field.optional())
        .addField(discriminatorPath());
    List<TypeSpec> variants = new ArrayList<>();
    for (VariantDescriptor v : field.variants()) {
      if (v.fields().isEmpty()) {
        continue;
      }
      ClassName paths = model.entry().nestedClass(field.pathsSuffix(v));
      type.addField(FieldSpec.builder(paths, v.constant(), PUBLIC, FINAL)
          .addJavadoc("The fields of variant {@link $T}.\n", v.type())
          .initializer("new $T()", paths)
          .build());
      TypeSpec.Builder variant = TypeSpec.classBuilder(paths)
          .addJavadoc("The paths of the fields of variant {@link $T} of {@code $L}: NULL in rows"
              + " of other variants.\n", v.type(), field.name())
          .addModifiers(PUBLIC, STATIC, FINAL)
          .addMethod(MethodSpec.constructorBuilder().addModifiers(PRIVATE).build());
      v.fields().forEach(f -> variant.addField(EntryWriter.path(model, f, PUBLIC, FINAL)));
      variants.add(variant.build());
    }
    type.addMethod(is()).addMethod(isNot()).addMethod(eq());
    if (field.optional()) {
      type.addMethod(MethodSpec.methodBuilder("isNull")
              .addJavadoc("Whether {@code $L} is absent (its discriminator is NULL).\n",
                  field.name())
              .addModifiers(PUBLIC)
              .returns(ApiTypes.CONDITION)
              .addStatement("return $N.isNull()", SealedParser.DISCRIMINATOR_CONSTANT)
              .build())
          .addMethod(MethodSpec.methodBuilder("isNotNull")
              .addJavadoc("Whether {@code $L} is present.\n", field.name())
              .addModifiers(PUBLIC)
              .returns(ApiTypes.CONDITION)
              .addStatement("return $N.isNotNull()", SealedParser.DISCRIMINATOR_CONSTANT)
              .build());
    }
    out.add(type.addMethod(order("asc")).addMethod(order("desc")).addMethod(discriminant())
        .build());
    out.addAll(variants);
  }

  private FieldSpec discriminatorPath() {
    FieldDescriptor d = field.discriminator();
    return FieldSpec.builder(ParameterizedTypeName.get(ApiTypes.PATH, field.discriminatorType()),
            SealedParser.DISCRIMINATOR_CONSTANT, PUBLIC, FINAL)
        .addJavadoc("The discriminator column of {@code $L}: the stored variant's"
            + " {@code @Discriminator}.\nTo order by; it is set with the whole value only.\n",
            field.name())
        .initializer("new $T<>($S, $L, $S, $L, $S)", ApiTypes.PATH, model.name(), d.index(),
            d.name(), ModelDefWriter.engineType(d.type()), field.name())
        .build();
  }

  private TypeName variantClass() {
    return ParameterizedTypeName.get(ClassName.get(Class.class),
        WildcardTypeName.subtypeOf(field.type()));
  }

  private MethodSpec is() {
    return MethodSpec.methodBuilder("is")
        .addJavadoc("Whether {@code $L} holds a {@code variant}.\n", field.name())
        .addModifiers(PUBLIC)
        .returns(ApiTypes.CONDITION)
        .addParameter(variantClass(), "variant")
        .addStatement("return $N.eq(discriminant(variant))",
            SealedParser.DISCRIMINATOR_CONSTANT)
        .build();
  }

  private MethodSpec isNot() {
    MethodSpec.Builder isNot = MethodSpec.methodBuilder("isNot")
        .addModifiers(PUBLIC)
        .returns(ApiTypes.CONDITION)
        .addParameter(variantClass(), "variant");
    if (!field.optional()) {
      return isNot.addJavadoc("Whether {@code $L} holds another variant than {@code variant}.\n",
              field.name())
          .addStatement("return $N.ne(discriminant(variant))",
              SealedParser.DISCRIMINATOR_CONSTANT)
          .build();
    }
    // An absent value is no variant, so it is not {@code variant} either (SQL's NULL <> x is not
    // true, so it is asked for).
    return isNot.addJavadoc("Whether {@code $L} is absent or holds another variant than"
            + " {@code variant}.\n", field.name())
        .addStatement("return $N.isNull().or($N.ne(discriminant(variant)))",
            SealedParser.DISCRIMINATOR_CONSTANT, SealedParser.DISCRIMINATOR_CONSTANT)
        .build();
  }

  /** Equality with a whole value: its discriminator, and each of its fields (NULL for empty). */
  private MethodSpec eq() {
    MethodSpec.Builder eq = MethodSpec.methodBuilder("eq")
        .addJavadoc("Whether {@code $L} equals {@code value}: the same variant with equal"
            + " fields.\n", field.name())
        .addModifiers(PUBLIC)
        .returns(ApiTypes.CONDITION)
        .addParameter(field.type(), "value")
        .addStatement("$T.requireNonNull(value, $S)", ApiTypes.OBJECTS, "value")
        .addStatement("$T<$T> terms = new $T<>()", ApiTypes.LIST, ApiTypes.CONDITION,
            ArrayList.class)
        .addStatement("terms.add($N.eq(discriminant(value.getClass())))",
            SealedParser.DISCRIMINATOR_CONSTANT);
    for (VariantDescriptor v : field.variants()) {
      if (v.fields().isEmpty()) {
        continue;
      }
      eq.beginControlFlow("if (value instanceof $T v)", v.type());
      for (FieldDescriptor f : v.fields()) {
        CodeBlock path = CodeBlock.of("$N.$N", v.constant(), f.constant());
        if (f.type().optional()) {
          eq.addStatement("terms.add(v.$N().isPresent() ? $L.eq(v.$N().get()) : $L.isNull())",
              f.accessor(), path, f.accessor(), path);
        } else {
          eq.addStatement("terms.add($L.eq(v.$N()))", path, f.accessor());
        }
      }
      eq.endControlFlow();
    }
    return eq.addStatement("return $T.all(terms)", ApiTypes.CONDITION).build();
  }

  private MethodSpec order(String direction) {
    return MethodSpec.methodBuilder(direction)
        .addJavadoc("$L order on the discriminator of {@code $L}.\n",
            direction.equals("asc") ? "Ascending" : "Descending", field.name())
        .addModifiers(PUBLIC)
        .returns(ORDER)
        .addStatement("return $N.$N()", SealedParser.DISCRIMINATOR_CONSTANT, direction)
        .build();
  }

  private MethodSpec discriminant() {
    MethodSpec.Builder method = MethodSpec.methodBuilder("discriminant")
        .addJavadoc("The discriminator stored for {@code variant}.\n")
        .addModifiers(PUBLIC)
        .returns(field.discriminatorType())
        .addParameter(variantClass(), "variant")
        .addStatement("$T.requireNonNull(variant, $S)", ApiTypes.OBJECTS, "variant");
    for (VariantDescriptor v : field.variants()) {
      method.beginControlFlow("if (variant == $T.class)", v.type())
          .addStatement("return $L", field.literal(v))
          .endControlFlow();
    }
    return method.addStatement("throw new $T($S, $S, $S, variant.getName() + $S)",
            INVALID_FILTER, model.name(), field.name(), field.name(),
            " is not a variant of " + field.type().simpleName())
        .build();
  }
}
