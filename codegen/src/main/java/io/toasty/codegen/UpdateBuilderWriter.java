package io.toasty.codegen;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PUBLIC;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;

/**
 * Writes the model's update builder ({@code UserUpdate<R>}): per field a value setter, an
 * expression setter ({@code loginCount(Users.LOGIN_COUNT.plus(1))}) and, for an {@code Optional}
 * field, a setter taking the {@code Optional}.
 */
final class UpdateBuilderWriter {
  private UpdateBuilderWriter() {}

  /** The update builder class of {@code model}. */
  static TypeSpec write(ModelDescriptor model) {
    TypeVariableName result = TypeVariableName.get("R");
    TypeName update = ParameterizedTypeName.get(model.updateClass(), result);
    TypeSpec.Builder type = TypeSpec.classBuilder(model.updateClass())
        .addJavadoc("An update of {@link $T} records; see {@code io.toasty.Update}. Each field has"
            + " a value setter\nand a setter taking an {@link $T} over the record's current"
            + " values.\n\n@param <R> the result: the number of records updated, or the record\n",
            model.record(), ApiTypes.EXPR)
        .addAnnotation(SourceFiles.generated())
        .addModifiers(PUBLIC, FINAL)
        .addTypeVariable(result)
        .superclass(ParameterizedTypeName.get(ApiTypes.ABSTRACT_UPDATE, model.record(), update,
            result))
        .addMethod(constructor(model, result));
    for (FieldDescriptor f : model.ownFields()) {
      type.addMethod(Setters.value(model, f, update));
      if (f.type().optional()) {
        type.addMethod(Setters.optional(model, f, update));
      }
      if (f.type().kind() != FieldKind.JSON) {
        // a document is replaced whole, by a value: there are no expressions over documents
        type.addMethod(Setters.expression(model, f, update));
      }
    }
    EmbeddedSetters.write(model, update).forEach(type::addMethod);
    SealedSetters.write(model, update).forEach(type::addMethod);
    return type.build();
  }

  private static MethodSpec constructor(ModelDescriptor model, TypeVariableName result) {
    return MethodSpec.constructorBuilder()
        .addParameter(ApiTypes.STMT_EXPR, "filter")
        .addParameter(ParameterizedTypeName.get(ApiTypes.UPDATE_RESULT, model.record(), result),
            "result")
        .addStatement("super($T.MODEL, filter, result)", model.entry())
        .build();
  }
}
