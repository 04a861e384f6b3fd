package io.toasty.codegen;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PUBLIC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;

/**
 * Writes the model's upsert builder ({@code UserUpsert}): the create builder's value setters
 * (no relation setters: an upsert writes one table), over {@code AbstractUpsert}, whose
 * {@code onCreate} takes a {@code UserCreate} and {@code onUpdate} a {@code UserUpdate<Long>}.
 */
final class UpsertWriter {
  private UpsertWriter() {}

  /** The upsert builder class of {@code model}. */
  static TypeSpec write(ModelDescriptor model) {
    ClassName upsert = model.upsertClass();
    TypeName update = ParameterizedTypeName.get(model.updateClass(),
        ClassName.get("java.lang", "Long"));
    TypeSpec.Builder type = TypeSpec.classBuilder(upsert)
        .addJavadoc("A create of a {@link $T} that updates the stored record where the conflict"
            + " target is taken;\nsee {@code io.toasty.generated.AbstractUpsert}.\n",
            model.record())
        .addAnnotation(SourceFiles.generated())
        .addModifiers(PUBLIC, FINAL)
        .superclass(ParameterizedTypeName.get(ApiTypes.ABSTRACT_UPSERT, model.record(), upsert,
            model.createClass(), update))
        .addMethod(MethodSpec.constructorBuilder()
            .addStatement("super($T.MODEL, $T::new, () -> new $T<>($T.TRUE, $T.count()))",
                model.entry(), model.createClass(), model.updateClass(), ApiTypes.STMT_EXPR,
                ApiTypes.UPDATE_RESULT)
            .build());
    for (FieldDescriptor f : model.ownFields()) {
      type.addMethod(Setters.value(model, f, upsert));
      if (f.type().optional()) {
        type.addMethod(Setters.optional(model, f, upsert));
      }
    }
    EmbeddedSetters.write(model, upsert).forEach(type::addMethod);
    SealedSetters.write(model, upsert).forEach(type::addMethod);
    return type.build();
  }
}
