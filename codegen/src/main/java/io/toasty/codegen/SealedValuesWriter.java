package io.toasty.codegen;

import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes the conversions of sealed-interface fields in the model's {@code Definition}: per field
 * a loader ({@code loadStatus(row)}) that picks the variant by its discriminator and builds it
 * from its columns, and a writer ({@code putStatus(values, status)}) that stores the
 * discriminator and the variant's fields, NULL in every other variant's columns (a value
 * replaces the previous one whole, whatever variant that was).
 */
final class SealedValuesWriter {
  private static final ArrayTypeName VALUES = ArrayTypeName.of(ApiTypes.VALUE);
  private static final ClassName UNKNOWN = ClassName.get("io.toasty.error", "UnknownVariantException");

  private final ModelDescriptor model;
  private final List<String> readers;

  SealedValuesWriter(ModelDescriptor model, List<String> readers) {
    this.model = model;
    this.readers = readers;
  }

  /** {@code loadStatus}: the loader of {@code s}. */
  static String loader(SealedDescriptor s) {
    return "load" + s.base();
  }

  private static String writer(SealedDescriptor s) {
    return "put" + s.base();
  }

  /** The loaders and writers of every sealed field. */
  List<MethodSpec> methods() {
    List<MethodSpec> out = new ArrayList<>();
    for (SealedDescriptor s : model.sealed()) {
      out.add(load(s));
      out.add(put(s));
    }
    return out;
  }

  private MethodSpec load(SealedDescriptor s) {
    FieldDescriptor d = s.discriminator();
    MethodSpec.Builder load = MethodSpec.methodBuilder(loader(s))
        .addJavadoc("Sealed field {@code $L}, from its discriminator and its variant's columns.\n",
            s.name())
        .addModifiers(PRIVATE, STATIC)
        .returns(s.declared())
        .addParameter(ApiTypes.VALUE_RECORD, "row")
        .addStatement("$T stored = row.get($L)", ApiTypes.VALUE, d.index())
        .beginControlFlow("if (stored.isNull())");
    if (s.optional()) {
      load.addStatement("return $T.empty()", ApiTypes.OPTIONAL);
    } else {
      load.addStatement("throw invalid($S, new $T($S))", s.name(),
          IllegalArgumentException.class, "NULL discriminator in a field that is not Optional");
    }
    load.endControlFlow()
        .addStatement("$T discriminant = $T.$L(stored)", s.discriminatorType(), ApiTypes.VALUES,
            d.type().kind().reader())
        .beginControlFlow("switch (discriminant)");
    for (VariantDescriptor v : s.variants()) {
      CodeBlock.Builder args = CodeBlock.builder();
      for (FieldDescriptor f : v.fields()) {
        args.add(f.component() == 0 ? "\n" : ",\n")
            .add("$N(row.get($L))", readers.get(f.index()), f.index());
      }
      CodeBlock value = v.fields().isEmpty() ? CodeBlock.of("new $T()", v.type())
          : CodeBlock.of("new $T($>$L$<)", v.type(), args.build());
      load.addCode("case $L:\n$>", s.literal(v))
          .addStatement(s.optional() ? "return $T.of($L)" : "return $L",
              s.optional() ? new Object[] {ApiTypes.OPTIONAL, value} : new Object[] {value})
          .addCode("$<");
    }
    CodeBlock known = s.variants().stream().map(v -> CodeBlock.of("$S", v.discriminant()))
        .collect(CodeBlock.joining(", "));
    return load.addCode("default:\n$>")
        .addStatement("throw new $T($S, $S, $T.valueOf(discriminant), $T.of($L))", UNKNOWN,
            model.name(), s.name(), String.class, ApiTypes.LIST, known)
        .addCode("$<")
        .endControlFlow()
        .build();
  }

  /** Writes the columns of {@code s}; a null {@code value} is an absent one: all NULL. */
  private MethodSpec put(SealedDescriptor s) {
    MethodSpec.Builder put = MethodSpec.methodBuilder(writer(s))
        .addJavadoc("Sealed field {@code $L}, into its columns; null for all NULL.\n", s.name())
        .addModifiers(PRIVATE, STATIC)
        .addParameter(VALUES, "values")
        .addParameter(s.type(), "value")
        .addStatement("$T.fill(values, $L, $L, $T.NULL)", Arrays.class,
            s.discriminator().index(), s.end(), ApiTypes.VALUE)
        .beginControlFlow("if (value == null)")
        .addStatement("return")
        .endControlFlow()
        .addStatement("values[$L] = $T.of($T.$N.discriminant(value.getClass()))",
            s.discriminator().index(), ApiTypes.VALUE, model.entry(), s.constant());
    for (VariantDescriptor v : s.variants()) {
      if (v.fields().isEmpty()) {
        continue;
      }
      put.beginControlFlow("if (value instanceof $T v)", v.type());
      for (FieldDescriptor f : v.fields()) {
        CodeBlock java = CodeBlock.of("v.$N()", f.accessor());
        put.addStatement("values[$L] = $L", f.index(), ModelDefWriter.valueOf(f,
            f.type().optional() || f.type().isPrimitive() ? java
                : EmbeddedValuesWriter.present(java, f.name())));
      }
      put.endControlFlow();
    }
    return put.build();
  }

  /** In {@code values(record)}: the statements writing each sealed field of {@code record}. */
  static void putAll(ModelDescriptor model, MethodSpec.Builder method) {
    for (SealedDescriptor s : model.sealed()) {
      CodeBlock java = CodeBlock.of("record.$N()", s.name());
      method.beginControlFlow("try")
          .addStatement("$N(values, $L)", writer(s), s.optional()
              ? CodeBlock.of("$L.orElse(null)", java)
              : EmbeddedValuesWriter.present(java, s.name()))
          .nextControlFlow("catch ($T e)", NullPointerException.class)
          .addStatement("throw invalid($S, e)", s.name())
          .endControlFlow();
    }
  }
}
