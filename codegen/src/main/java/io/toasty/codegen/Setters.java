package io.toasty.codegen;

import static javax.lang.model.element.Modifier.PUBLIC;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;

/**
 * The setters of the create and update builders. Each calls the base class's
 * {@code set(path, value)}, which checks the field and builds the node.
 */
final class Setters {
  private Setters() {}

  /** {@code name(String name)}: a primitive field takes the primitive; an Optional one, null. */
  static MethodSpec value(ModelDescriptor model, FieldDescriptor f, TypeName builder) {
    String doc = f.type().optional() ? "Sets {@code $L}; null for none.\n" : "Sets {@code $L}.\n";
    MethodSpec.Builder setter = setter(f, builder, f.type().value()).addJavadoc(doc, f.name());
    if (f.type().sensitive()) {
      return setter.addStatement("return set($T.$N, $T.reveal($N))", model.entry(), f.constant(),
          ApiTypes.SENSITIVE, f.name()).build();
    }
    return setter.addStatement("return set($T.$N, $N)", model.entry(), f.constant(), f.name())
        .build();
  }

  /** {@code nickname(Optional<String> nickname)}: empty for none. */
  static MethodSpec optional(ModelDescriptor model, FieldDescriptor f, TypeName builder) {
    MethodSpec.Builder setter = setter(f, builder, f.type().declared())
        .addJavadoc("Sets {@code $L}; empty for none.\n", f.name());
    if (f.type().sensitive()) {
      return setter.addStatement("return set($T.$N, $T.requireNonNull($N, $S).map($T::value)"
          + ".orElse(null))", model.entry(), f.constant(), ApiTypes.OBJECTS, f.name(), f.name(),
          ApiTypes.SENSITIVE).build();
    }
    return setter
        .addStatement("return set($T.$N, $T.requireNonNull($N, $S).orElse(null))", model.entry(),
            f.constant(), ApiTypes.OBJECTS, f.name(), f.name())
        .build();
  }

  /** {@code loginCount(Expr<Integer> loginCount)}: an expression over the current values. */
  static MethodSpec expression(ModelDescriptor model, FieldDescriptor f, TypeName builder) {
    return setter(f, builder, ParameterizedTypeName.get(ApiTypes.EXPR, f.type().pathArgument()))
        .addJavadoc("Sets {@code $L} to an expression over the record's current values.\n",
            f.name())
        .addStatement("return set($T.$N, $N)", model.entry(), f.constant(), f.name())
        .build();
  }

  private static MethodSpec.Builder setter(FieldDescriptor f, TypeName builder, TypeName param) {
    return MethodSpec.methodBuilder(f.name())
        .addModifiers(PUBLIC)
        .returns(builder)
        .addParameter(param, f.name());
  }
}
