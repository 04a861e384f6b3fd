package io.toasty.codegen;

import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes the conversions of embedded record fields in the model's {@code Definition}: per
 * embedded field a loader ({@code loadAddress(row)}) reassembling the record from its columns,
 * and a writer ({@code putAddress(values, address)}) flattening it into them. An {@code Optional}
 * embedded record is absent exactly when all its columns are NULL.
 */
final class EmbeddedValuesWriter {
  private static final ArrayTypeName VALUES = ArrayTypeName.of(ApiTypes.VALUE);

  private final ModelDescriptor model;
  private final List<String> readers;

  EmbeddedValuesWriter(ModelDescriptor model, List<String> readers) {
    this.model = model;
    this.readers = readers;
  }

  /** {@code loadHeadquartersLocation}: the loader of {@code e}. */
  static String loader(EmbeddedDescriptor e) {
    return "load" + base(e);
  }

  private static String writer(EmbeddedDescriptor e) {
    return "put" + base(e);
  }

  private static String base(EmbeddedDescriptor e) {
    String suffix = e.pathsSuffix();
    return suffix.substring(0, suffix.length() - "Fields".length());
  }

  /** The loaders and writers of every embedded field, and the helper they share. */
  List<MethodSpec> methods() {
    List<MethodSpec> out = new ArrayList<>();
    boolean[] optional = {false};
    model.embedded().forEach(e -> add(e, out, optional));
    if (optional[0]) {
      out.add(MethodSpec.methodBuilder("allNull")
          .addModifiers(PRIVATE, STATIC)
          .returns(boolean.class)
          .addParameter(ApiTypes.VALUE_RECORD, "row")
          .addParameter(int.class, "from")
          .addParameter(int.class, "end")
          .beginControlFlow("for (int i = from; i < end; i++)")
          .beginControlFlow("if (!row.get(i).isNull())")
          .addStatement("return false")
          .endControlFlow()
          .endControlFlow()
          .addStatement("return true")
          .build());
    }
    return out;
  }

  private void add(EmbeddedDescriptor e, List<MethodSpec> out, boolean[] optional) {
    optional[0] |= e.optional();
    out.add(load(e));
    out.add(put(e));
    for (DataMember m : e.members()) {
      if (m instanceof EmbeddedDescriptor inner) {
        add(inner, out, optional);
      }
    }
  }

  private MethodSpec load(EmbeddedDescriptor e) {
    CodeBlock.Builder args = CodeBlock.builder();
    for (DataMember m : e.members()) {
      args.add(m.component() == 0 ? "\n" : ",\n");
      if (m instanceof FieldDescriptor f) {
        args.add("$N(row.get($L))", readers.get(f.index()), f.index());
      } else {
        args.add("$N(row)", loader((EmbeddedDescriptor) m));
      }
    }
    MethodSpec.Builder load = MethodSpec.methodBuilder(loader(e))
        .addJavadoc("Embedded field {@code $L}, from its columns.\n", e.name())
        .addModifiers(PRIVATE, STATIC)
        .returns(e.declared())
        .addParameter(ApiTypes.VALUE_RECORD, "row");
    if (!e.optional()) {
      return load.addStatement("return new $T($>$L$<)", e.type(), args.build()).build();
    }
    return load.beginControlFlow("if (allNull(row, $L, $L))", e.first(), e.end())
        .addStatement("return $T.empty()", ApiTypes.OPTIONAL)
        .endControlFlow()
        .addStatement("return $T.of(new $T($>$L$<))", ApiTypes.OPTIONAL, e.type(), args.build())
        .build();
  }

  /** Writes the columns of {@code e}; a null {@code value} is an absent one: all NULL. */
  private MethodSpec put(EmbeddedDescriptor e) {
    MethodSpec.Builder put = MethodSpec.methodBuilder(writer(e))
        .addJavadoc("Embedded field {@code $L}, into its columns; null for all NULL.\n", e.name())
        .addModifiers(PRIVATE, STATIC)
        .addParameter(VALUES, "values")
        .addParameter(e.type(), "value")
        .beginControlFlow("if (value == null)")
        .addStatement("$T.fill(values, $L, $L, $T.NULL)", Arrays.class, e.first(),
            e.end(), ApiTypes.VALUE)
        .addStatement("return")
        .endControlFlow();
    for (DataMember m : e.members()) {
      CodeBlock java = CodeBlock.of("value.$N()", m.accessor());
      if (m instanceof FieldDescriptor f) {
        put.addStatement("values[$L] = $L", f.index(), ModelDefWriter.valueOf(f,
            f.type().optional() || f.type().isPrimitive() ? java : present(java, f.name())));
      } else {
        EmbeddedDescriptor inner = (EmbeddedDescriptor) m;
        put.addStatement("$N(values, $L)", writer(inner), inner.optional()
            ? CodeBlock.of("$L.orElse(null)", java) : present(java, inner.name()));
      }
    }
    return put.build();
  }

  /** {@code java}, checked not to be null: a field that is not Optional needs a value. */
  static CodeBlock present(CodeBlock java, String field) {
    return CodeBlock.of("$T.requireNonNull($L, $S)", ApiTypes.OBJECTS, java,
        field + " is not Optional, but null");
  }

  /** {@code values(record)} of a model with embedded fields: built in an array. */
  static MethodSpec values(ModelDescriptor model, MethodSpec.Builder method) {
    method.addParameter(model.record(), "record")
        .addStatement("$T.requireNonNull(record, $S)", ApiTypes.OBJECTS, "record")
        .addStatement("$T values = new $T[$L]", VALUES, ApiTypes.VALUE, model.fields().size());
    for (FieldDescriptor f : model.ownFields()) {
      method.addStatement("values[$L] = $L", f.index(), ModelDefWriter.valueOf(f,
          CodeBlock.of("record.$N()", f.accessor())));
    }
    for (EmbeddedDescriptor e : model.embedded()) {
      CodeBlock java = CodeBlock.of("record.$N()", e.accessor());
      method.beginControlFlow("try")
          .addStatement("$N(values, $L)", writer(e), e.optional()
              ? CodeBlock.of("$L.orElse(null)", java) : present(java, e.name()))
          .nextControlFlow("catch ($T e)", NullPointerException.class)
          .addStatement("throw invalid($S, e)", e.name())
          .endControlFlow();
    }
    SealedValuesWriter.putAll(model, method);
    return method.addStatement("return $T.of(values)", ApiTypes.VALUE_RECORD).build();
  }
}
