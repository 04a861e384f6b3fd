package io.toasty.codegen;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PUBLIC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;

/**
 * Writes the model's create builder ({@code UserCreate}): a setter per field, named as the field;
 * an {@code Optional} field also gets a setter taking the {@code Optional}.
 */
final class CreateWriter {
  private CreateWriter() {}

  /** The create builder class of {@code model}. */
  static TypeSpec write(ModelDescriptor model) {
    ClassName create = model.createClass();
    TypeSpec.Builder type = TypeSpec.classBuilder(create)
        .addJavadoc("A builder of a new {@link $T}; see {@code io.toasty.Create}.\n",
            model.record())
        .addAnnotation(SourceFiles.generated())
        .addModifiers(PUBLIC, FINAL)
        .superclass(ParameterizedTypeName.get(ApiTypes.ABSTRACT_CREATE, model.record(), create))
        .addMethod(MethodSpec.constructorBuilder()
            .addStatement("super($T.MODEL)", model.entry())
            .build());
    for (FieldDescriptor f : model.fields()) {
      type.addMethod(Setters.value(model, f, create));
      if (f.type().optional()) {
        type.addMethod(Setters.optional(model, f, create));
      }
    }
    return type.build();
  }
}
