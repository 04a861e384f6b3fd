package io.toasty.codegen;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;

/**
 * The part of {@link ModelProcessor} for polymorphic models: an {@code @Model} interface is
 * read with its variants and written as one hierarchy ({@link PolymorphicWriter}, one
 * {@link PolymorphicVariantWriter} per variant); a variant record is written with its interface,
 * never alone.
 */
final class PolymorphicProcessing {
  private final ProcessingEnvironment env;
  private final ErrorReporter errors;
  private final PolymorphicParser parser;
  private final ModelIndexWriter index;

  PolymorphicProcessing(ProcessingEnvironment env, ErrorReporter errors, ModelParser models,
      ModelIndexWriter index) {
    this.env = env;
    this.errors = errors;
    this.parser = new PolymorphicParser(models, errors);
    this.index = index;
  }

  /** Whether {@code type} is this part's: processed here (an interface) or with its interface. */
  boolean claims(TypeElement type) {
    if (type.getKind() == ElementKind.INTERFACE) {
      process(type);
      return true;
    }
    return type.getKind() == ElementKind.RECORD && PolymorphicParser.isVariant(type);
  }

  private void process(TypeElement type) {
    try {
      parser.parse(type).ifPresent(model -> write(model, type));
    } catch (RuntimeException e) {
      errors.processorFailed(type, e);
    }
  }

  private void write(PolymorphicDescriptor model, TypeElement origin) {
    write(model, PolymorphicWriter.entry(model), origin);
    write(model, PolymorphicWriter.query(model), origin);
    for (PolymorphicVariant v : model.variants()) {
      PolymorphicVariantWriter.write(model, v).forEach(t -> write(model, t, origin));
    }
    index.add(model.entry().canonicalName());
  }

  private void write(PolymorphicDescriptor model, TypeSpec type, TypeElement origin) {
    JavaFile file = JavaFile.builder(model.entry().packageName(),
            type.toBuilder().addOriginatingElement(origin).build())
        .skipJavaLangImports(true)
        .build();
    try {
      file.writeTo(env.getFiler());
    } catch (IOException e) {
      errors.error(origin, model.name() + ": cannot write " + type.name() + ": "
          + e.getMessage());
    }
  }
}
