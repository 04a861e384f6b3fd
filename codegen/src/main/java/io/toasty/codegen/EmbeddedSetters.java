package io.toasty.codegen;

import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import java.util.ArrayList;
import java.util.List;

/**
 * The setters of embedded record fields in the create, upsert and update builders:
 * {@code address(Address)} sets all the field's columns (NULL for an absent {@code Optional}
 * one) through the inner fields' paths; an update sets one inner field with
 * {@code set(Users.ADDRESS.CITY, "Oslo")}.
 */
final class EmbeddedSetters {
  private static final ClassName INVALID = ClassName.get("io.toasty.error",
      "InvalidStatementException");
  /** The helper that rejects null in an inner field that is not {@code Optional}. */
  private static final String PRESENT = "present$";

  private EmbeddedSetters() {}

  /** The setters of {@code model}'s embedded fields in {@code builder}, and their helpers. */
  static List<MethodSpec> write(ModelDescriptor model, TypeName builder) {
    List<MethodSpec> out = new ArrayList<>();
    if (model.embedded().isEmpty()) {
      return out;
    }
    for (EmbeddedDescriptor e : model.embedded()) {
      CodeBlock paths = CodeBlock.of("$T.$N", model.entry(), e.constant());
      out.add(value(model, e, builder));
      if (e.optional()) {
        out.add(MethodSpec.methodBuilder(e.name())
            .addModifiers(PUBLIC)
            .returns(builder)
            .addParameter(e.declared(), e.name())
            .addJavadoc("Sets all the columns of {@code $L}; empty for none (all NULL).\n",
                e.name())
            .addStatement("return $N($T.requireNonNull($N, $S).orElse(null))", putter(e),
                ApiTypes.OBJECTS, e.name(), e.name())
            .build());
      }
      put(model, e, paths, builder, out);
    }
    out.add(presentHelper(model, PRESENT));
    return out;
  }

  /**
   * {@code <T> T name(T value, String field)}: the builder's helper that rejects null in a field
   * that is not {@code Optional}, naming the field.
   */
  static MethodSpec presentHelper(ModelDescriptor model, String name) {
    return presentHelper(model.name(), name);
  }

  /** {@link #presentHelper(ModelDescriptor, String)}, its errors naming {@code modelName}. */
  static MethodSpec presentHelper(String modelName, String name) {
    TypeVariableName t = TypeVariableName.get("T");
    return MethodSpec.methodBuilder(name)
        .addModifiers(PRIVATE, STATIC)
        .addTypeVariable(t)
        .returns(t)
        .addParameter(t, "value")
        .addParameter(String.class, "field")
        .beginControlFlow("if (value == null)")
        .addStatement("throw new $T($S, field, $S)", INVALID, modelName,
            "is not Optional; null is no value")
        .endControlFlow()
        .addStatement("return value")
        .build();
  }

  private static MethodSpec value(ModelDescriptor model, EmbeddedDescriptor e, TypeName builder) {
    MethodSpec.Builder setter = MethodSpec.methodBuilder(e.name())
        .addModifiers(PUBLIC)
        .returns(builder)
        .addParameter(e.type(), e.name());
    if (e.optional()) {
      return setter.addJavadoc("Sets all the columns of {@code $L}; null for none (all NULL).\n",
              e.name())
          .addStatement("return $N($N)", putter(e), e.name())
          .build();
    }
    return setter.addJavadoc("Sets all the columns of {@code $L}.\n", e.name())
        .addStatement("return $N($N($N, $S))", putter(e), PRESENT, e.name(), e.name())
        .build();
  }

  /** {@code put$address(Address value)}: each inner field; null sets all NULL. */
  private static void put(ModelDescriptor model, EmbeddedDescriptor e, CodeBlock paths,
      TypeName builder, List<MethodSpec> out) {
    MethodSpec.Builder put = MethodSpec.methodBuilder(putter(e))
        .addModifiers(PRIVATE)
        .returns(builder)
        .addParameter(e.type(), "value");
    List<Runnable> nested = new ArrayList<>();
    for (DataMember m : e.members()) {
      CodeBlock java = CodeBlock.of("value.$N()", m.accessor());
      if (m instanceof FieldDescriptor f) {
        CodeBlock inner = leaf(f, java);
        put.addStatement("setInner($L.$N, value == null ? null : $L)", paths, f.constant(),
            inner);
      } else {
        EmbeddedDescriptor inner = (EmbeddedDescriptor) m;
        CodeBlock arg = inner.optional() ? CodeBlock.of("$L.orElse(null)", java)
            : CodeBlock.of("$N($L, $S)", PRESENT, java, inner.name());
        put.addStatement("$N(value == null ? null : $L)", putter(inner), arg);
        CodeBlock innerPaths = CodeBlock.of("$L.$N", paths, inner.constant());
        nested.add(() -> put(model, inner, innerPaths, builder, out));
      }
    }
    out.add(put.addStatement("return self()").build());
    nested.forEach(Runnable::run);
  }

  /**
   * The value inner field {@code f} sets from its record component {@code java}: null for an
   * empty {@code Optional}, a {@code Secret<T>} unwrapped to the {@code T} that is stored.
   */
  private static CodeBlock leaf(FieldDescriptor f, CodeBlock java) {
    if (f.type().optional()) {
      return f.type().sensitive()
          ? CodeBlock.of("$L.map($T::value).orElse(null)", java, ApiTypes.SENSITIVE)
          : CodeBlock.of("$L.orElse(null)", java);
    }
    if (f.type().isPrimitive()) {
      return java;
    }
    CodeBlock present = CodeBlock.of("$N($L, $S)", PRESENT, java, f.name());
    return f.type().sensitive()
        ? CodeBlock.of("$T.reveal($L)", ApiTypes.SENSITIVE, present) : present;
  }

  private static String putter(EmbeddedDescriptor e) {
    return "put$" + e.name().replace('.', '$');
  }
}
