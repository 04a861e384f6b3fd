package io.toasty.codegen;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PROTECTED;
import static javax.lang.model.element.Modifier.PUBLIC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;

/** Writes the model's query type ({@code UserQuery}): the typed select plus {@code update()}. */
final class QueryWriter {
  private QueryWriter() {}

  /** The query class of {@code model}. */
  static TypeSpec write(ModelDescriptor model) {
    ClassName query = model.queryClass();
    return TypeSpec.classBuilder(query)
        .addJavadoc("A query of {@link $T} records; see {@code io.toasty.Select}.\n",
            model.record())
        .addAnnotation(SourceFiles.generated())
        .addModifiers(PUBLIC, FINAL)
        .superclass(ParameterizedTypeName.get(ApiTypes.ABSTRACT_SELECT, model.record(), query))
        .addMethod(MethodSpec.constructorBuilder()
            .addParameter(ApiTypes.QUERY, "query")
            .addStatement("super($T.MODEL, query)", model.entry())
            .build())
        .addMethod(MethodSpec.constructorBuilder()
            .addJavadoc("A query built by a finder of {@link $T}, of the shape {@code key} stands"
                + " for.\n", model.entry())
            .addParameter(ApiTypes.QUERY, "query")
            .addParameter(ApiTypes.SHAPE_KEY, "key")
            .addStatement("super($T.MODEL, query, key)", model.entry())
            .build())
        .addMethod(MethodSpec.methodBuilder("with")
            .addAnnotation(Override.class)
            .addModifiers(PROTECTED)
            .returns(query)
            .addParameter(ApiTypes.QUERY, "query")
            .addStatement("return new $T(query)", query)
            .build())
        .addMethod(MethodSpec.methodBuilder("with")
            .addAnnotation(Override.class)
            .addModifiers(PROTECTED)
            .returns(query)
            .addParameter(ApiTypes.QUERY, "query")
            .addParameter(ApiTypes.SHAPE_KEY, "key")
            .addStatement("return new $T(query, key)", query)
            .build())
        .addMethod(MethodSpec.methodBuilder("update")
            .addJavadoc("An update of the records this query matches, resulting in their number."
                + "\nOf an ordered or limited query, it fails when it runs, sending nothing.\n")
            .addModifiers(PUBLIC)
            .returns(ParameterizedTypeName.get(model.updateClass(), ClassName.get(Long.class)))
            .addStatement("return mutation(new $T<>(mutationFilter(), $T.count()))",
                model.updateClass(),
                ApiTypes.UPDATE_RESULT)
            .build())
        .build();
  }
}
