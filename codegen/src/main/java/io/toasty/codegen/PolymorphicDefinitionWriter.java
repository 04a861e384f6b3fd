package io.toasty.codegen;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.Arrays;

/**
 * Writes a polymorphic model's {@code Definition}: one table's schema (the union of the
 * variants' fields, nullable but for the key, then the discriminator) and the conversions that
 * read a row into the variant its discriminator names and write a variant with its
 * discriminator, leaving other variants' columns NULL.
 */
final class PolymorphicDefinitionWriter {
  private final PolymorphicDescriptor model;

  private PolymorphicDefinitionWriter(PolymorphicDescriptor model) {
    this.model = model;
  }

  static TypeSpec write(PolymorphicDescriptor model) {
    return new PolymorphicDefinitionWriter(model).type();
  }

  private TypeSpec type() {
    TypeSpec.Builder type = TypeSpec.classBuilder("Definition")
        .addJavadoc("The model's schema and its conversions between records and values.\n")
        .addModifiers(PRIVATE, STATIC, FINAL)
        .addSuperinterface(ParameterizedTypeName.get(ApiTypes.MODEL_DEF, model.type()))
        .addField(schema())
        .addMethod(override("schema", ApiTypes.MODEL_SCHEMA).addStatement("return SCHEMA").build())
        .addMethod(override("type", ParameterizedTypeName.get(ClassName.get(Class.class),
            model.type())).addStatement("return $T.class", model.type()).build())
        .addMethod(load())
        .addMethod(values())
        .addMethod(ModelDefWriter.invalid(model.name()))
        .addMethod(override("toString", ClassName.get(String.class))
            .addStatement("return $S", "ModelDef[" + model.name() + "]").build());
    for (FieldDescriptor f : model.fields()) {
      type.addMethod(reader(f));
    }
    return type.build();
  }

  private FieldSpec schema() {
    CodeBlock fields = model.allFields().stream()
        .map(f -> CodeBlock.of("new $T($L, $S, $L, $L, null, null, $S)", ApiTypes.FIELD_SCHEMA,
            f.index(), f.name(), ModelDefWriter.engineType(f.type()), !f.key()
                && f != model.discriminator(), f.column()))
        .collect(CodeBlock.joining(",\n"));
    CodeBlock key = model.keyFields().stream().map(f -> CodeBlock.of("$L", f.index()))
        .collect(CodeBlock.joining(", "));
    CodeBlock indexes = model.indexes().stream().map(ModelDefWriter::indexSchema)
        .collect(CodeBlock.joining(",\n"));
    if (model.relations().isEmpty()) {
      return FieldSpec.builder(ApiTypes.MODEL_SCHEMA, "SCHEMA", PRIVATE, STATIC, FINAL)
          .initializer("new $T($S, $S, $S,\n$T.of(\n$L),\n$T.of($L),\n$T.of($L))$L",
              ApiTypes.MODEL_SCHEMA, model.name(), model.javaClass(), model.table(),
              ApiTypes.LIST, fields, ApiTypes.LIST, key, ApiTypes.LIST, indexes,
              DeclaredNamesCode.of(model.declared()))
          .build();
    }
    CodeBlock relations = model.relations().stream().map(ModelDefWriter::relationSchema)
        .collect(CodeBlock.joining(",\n"));
    return FieldSpec.builder(ApiTypes.MODEL_SCHEMA, "SCHEMA", PRIVATE, STATIC, FINAL)
        .initializer("new $T($S, $S, $S,\n$T.of(\n$L),\n$T.of($L),\n$T.of($L),\n$T.of(\n$L))$L",
            ApiTypes.MODEL_SCHEMA, model.name(), model.javaClass(), model.table(), ApiTypes.LIST,
            fields, ApiTypes.LIST, key, ApiTypes.LIST, indexes, ApiTypes.LIST, relations,
            DeclaredNamesCode.of(model.declared()))
        .build();
  }

  /** Reads the discriminator, then the variant it names from that variant's columns. */
  private MethodSpec load() {
    int width = model.allFields().size();
    // with relations, a row may also hold one slot per relation (see ModelDefWriter)
    int withRelations = width + model.relations().size();
    MethodSpec.Builder m = override("load", model.type())
        .addParameter(ApiTypes.VALUE_RECORD, "row")
        .addStatement("$T.requireNonNull(row, $S)", ApiTypes.OBJECTS, "row")
        .beginControlFlow("if (row.size() != $L && row.size() != $L)", width, withRelations)
        .addStatement("throw new $T($S + row.size())", IllegalArgumentException.class,
            model.name() + ": a row needs " + width + " values" + (model.relations().isEmpty()
                ? "" : " (or " + withRelations + " with relations)") + ", this one has ")
        .endControlFlow()
        .addStatement("$T stored = row.get($L)", ApiTypes.VALUE, model.discriminator().index())
        .beginControlFlow("if (stored.isNull())")
        .addStatement("throw invalid($S, new $T($S))", PolymorphicDescriptor.DISCRIMINATOR,
            IllegalArgumentException.class, "NULL discriminator")
        .endControlFlow()
        .addStatement("$T discriminant = $T.$L(stored)",
            model.discriminator().type().pathArgument(), ApiTypes.VALUES,
            model.discriminator().type().kind().reader())
        .beginControlFlow("switch (discriminant)");
    for (PolymorphicVariant v : model.variants()) {
      CodeBlock args = v.constructorArguments(
          f -> CodeBlock.of("$N(row.get($L))", readerName(f), f.index()),
          ModelDefWriter::loadRelation);
      m.addCode("case $L:\n", PolymorphicWriter.literal(model, v))
          .addStatement("  return new $T(\n$L)", v.type(), args);
    }
    String known = model.variants().stream().map(PolymorphicVariant::discriminant)
        .reduce((a, b) -> a + "\", \"" + b).orElse("");
    return m.addCode("default:\n")
        .addStatement("  throw new $T($S, $S, $T.valueOf(discriminant), $T.of($L))",
            PolymorphicWriter.unknownVariant(), model.name(),
            PolymorphicDescriptor.DISCRIMINATOR, String.class, ApiTypes.LIST,
            CodeBlock.of("\"" + known.replace("$", "$$") + "\""))
        .endControlFlow()
        .build();
  }

  /** The variant's values: its discriminator and its fields; other variants' columns NULL. */
  private MethodSpec values() {
    MethodSpec.Builder m = override("values", ApiTypes.VALUE_RECORD)
        .addParameter(model.type(), "record")
        .addStatement("$T.requireNonNull(record, $S)", ApiTypes.OBJECTS, "record")
        .addStatement("$T[] values = new $T[$L]", ApiTypes.VALUE, ApiTypes.VALUE,
            model.allFields().size())
        .addStatement("$T.fill(values, $T.NULL)", Arrays.class, ApiTypes.VALUE)
        .addStatement("values[$L] = $T.of($T.discriminant(record.getClass()))",
            model.discriminator().index(), ApiTypes.VALUE, model.entry());
    for (PolymorphicVariant v : model.variants()) {
      m.beginControlFlow("if (record instanceof $T v)", v.type());
      for (FieldDescriptor f : v.fields()) {
        m.addStatement("values[$L] = $L", f.index(),
            ModelDefWriter.valueOf(f, CodeBlock.of("v.$N()", f.accessor())));
      }
      m.endControlFlow();
    }
    return m.addStatement("return $T.Record.of(values)", ApiTypes.VALUE).build();
  }

  private MethodSpec reader(FieldDescriptor f) {
    FieldType type = f.type();
    CodeBlock convert = type.kind() == FieldKind.ENUM
        ? CodeBlock.of("$T.asEnum(value, $T.class)", ApiTypes.VALUES, type.enumOf().type())
        : CodeBlock.of("$T.$L(value)", ApiTypes.VALUES, type.kind().reader());
    CodeBlock read = type.optional()
        ? CodeBlock.of("value.isNull() ? $T.empty() : $T.of($L)", ApiTypes.OPTIONAL,
            ApiTypes.OPTIONAL, convert)
        : convert;
    MethodSpec.Builder m = MethodSpec.methodBuilder(readerName(f))
        .addModifiers(PRIVATE, STATIC)
        .returns(type.declared())
        .addParameter(ApiTypes.VALUE, "value")
        .beginControlFlow("try");
    if (!type.optional()) {
      m.beginControlFlow("if (value.isNull())")
          .addStatement("throw new $T($S)", IllegalArgumentException.class,
              "NULL in a field that is not Optional")
          .endControlFlow();
    }
    return m.addStatement("return $L", read)
        .nextControlFlow("catch ($T e)", RuntimeException.class)
        .addStatement("throw invalid($S, e)", f.name())
        .endControlFlow()
        .build();
  }

  private static String readerName(FieldDescriptor f) {
    return "read" + Naming.capitalize(f.name());
  }

  private static MethodSpec.Builder override(String name, TypeName returns) {
    return MethodSpec.methodBuilder(name).addAnnotation(Override.class).addModifiers(PUBLIC)
        .returns(returns);
  }
}
