package io.toasty.codegen;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes the paths of embedded record fields: per embedded field a class nested in the entry
 * class ({@code Users.AddressFields}) holding a path per inner field, so that
 * {@code Users.ADDRESS.CITY} is a plain {@code StringPath} of the flattened column, to filter,
 * order and set.
 */
final class EmbeddedPathsWriter {
  private EmbeddedPathsWriter() {}

  /** {@code public static final AddressFields ADDRESS}: a model's embedded field's constant. */
  static FieldSpec constant(ModelDescriptor model, EmbeddedDescriptor e) {
    return FieldSpec.builder(pathsClass(model, e), e.constant(), PUBLIC, STATIC, FINAL)
        .addJavadoc("Embedded field {@code $L} ({@link $T}): the paths of its fields.\n",
            e.name(), e.type())
        .initializer("new $T()", pathsClass(model, e))
        .build();
  }

  /** The paths classes of every embedded field of {@code model}, nested ones included. */
  static List<TypeSpec> classes(ModelDescriptor model) {
    List<TypeSpec> out = new ArrayList<>();
    model.embedded().forEach(e -> add(model, e, out));
    return out;
  }

  private static void add(ModelDescriptor model, EmbeddedDescriptor e, List<TypeSpec> out) {
    int slot = out.size();
    out.add(null); // this class before its nested ones
    TypeSpec.Builder type = CompositePaths.extend(TypeSpec.classBuilder(pathsClass(model, e))
        .addJavadoc("The paths of the fields of embedded field {@code $L} ({@link $T}), and the"
            + " field whole, to select\nand group by.\n", e.name(), e.type())
        .addModifiers(PUBLIC, STATIC, FINAL), model, e.name(), e.type(), e.first(), e.end(),
        EmbeddedValuesWriter.loader(e), e.optional());
    for (DataMember m : e.members()) {
      if (m instanceof FieldDescriptor f) {
        type.addField(EntryWriter.path(model, f, PUBLIC, FINAL));
      } else {
        EmbeddedDescriptor inner = (EmbeddedDescriptor) m;
        type.addField(FieldSpec.builder(pathsClass(model, inner), inner.constant(), PUBLIC, FINAL)
            .addJavadoc("Embedded field {@code $L} ({@link $T}).\n", inner.name(), inner.type())
            .initializer("new $T()", pathsClass(model, inner))
            .build());
        add(model, inner, out);
      }
    }
    if (e.optional()) {
      FieldDescriptor w = Objects.requireNonNull(e.witness(),
          "an Optional embedded record has a field never NULL (EmbeddedParser)");
      type.addMethod(MethodSpec.methodBuilder("isNull")
          .addJavadoc("Whether {@code $L} is absent (all its columns are NULL).\n", e.name())
          .addModifiers(PUBLIC)
          .returns(ApiTypes.CONDITION)
          .addStatement("return new $T<>($S, $L, $S, $L).isNull()", ApiTypes.PATH, model.name(),
              w.index(), w.name(), ModelDefWriter.engineType(w.type()))
          .build());
      type.addMethod(MethodSpec.methodBuilder("isNotNull")
          .addJavadoc("Whether {@code $L} is present.\n", e.name())
          .addModifiers(PUBLIC)
          .returns(ApiTypes.CONDITION)
          .addStatement("return isNull().not()")
          .build());
    }
    out.set(slot, type.build());
  }

  static ClassName pathsClass(ModelDescriptor model, EmbeddedDescriptor e) {
    return model.entry().nestedClass(e.pathsSuffix());
  }
}
