package io.toasty.codegen;

import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PROTECTED;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;

/**
 * Makes the paths class of a field stored in several columns (an embedded record, a sealed value)
 * an {@code io.toasty.CompositePath} of the field's type, so that queries select it and group by
 * it whole: its columns are the model's fields {@code first} to {@code end}, and it reads a result
 * with the {@code Definition}'s own loader of the field.
 */
final class CompositePaths {
  private static final ClassName COMPOSITE_PATH = ClassName.get("io.toasty", "CompositePath");

  private CompositePaths() {}

  /**
   * Makes {@code paths} extend {@code CompositePath<type>} over the model's fields {@code first}
   * to {@code end}, read by {@code Definition.loader(row)} ({@code Optional} when
   * {@code optional}).
   */
  static TypeSpec.Builder extend(TypeSpec.Builder paths, ModelDescriptor model, String name,
      ClassName type, int first, int end, String loader, boolean optional) {
    ClassName definition = model.entry().nestedClass(ModelDefWriter.CLASS_NAME);
    CodeBlock load = CodeBlock.of("$T.$N(row)", definition, loader);
    return paths.superclass(ParameterizedTypeName.get(COMPOSITE_PATH, type))
        .addMethod(MethodSpec.constructorBuilder()
            .addModifiers(PRIVATE)
            .addStatement("super($S, $S, $L, $L)", model.name(), name, first, end)
            .build())
        .addMethod(MethodSpec.methodBuilder("load")
            .addAnnotation(Override.class)
            .addModifiers(PROTECTED)
            .returns(type)
            .addParameter(ApiTypes.VALUE_RECORD, "row")
            .addStatement(optional ? "return $L.orElse(null)" : "return $L", load)
            .build());
  }
}
