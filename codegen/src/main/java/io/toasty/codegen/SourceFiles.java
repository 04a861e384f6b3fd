package io.toasty.codegen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;

/** What every generated source file shares: the {@code @Generated} mark and the file layout. */
final class SourceFiles {
  private SourceFiles() {}

  /** {@code @Generated("io.toasty.codegen.ModelProcessor")}. */
  static AnnotationSpec generated() {
    return AnnotationSpec.builder(ApiTypes.GENERATED)
        .addMember("value", "$S", ModelProcessor.class.getName())
        .build();
  }

  /** The file of a top-level type in the model's package. */
  static JavaFile javaFile(ModelDescriptor model, TypeSpec type) {
    return JavaFile.builder(model.entry().packageName(), type)
        .skipJavaLangImports(true)
        .build();
  }
}
