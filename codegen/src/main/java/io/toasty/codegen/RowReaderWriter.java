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
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import java.util.List;

/**
 * Writes a model's row reader into its {@code Definition}: {@code rowReader()} returning a
 * constant that builds the record from {@code io.toasty.value.Columns} with one typed getter per
 * field (no {@code Value} per cell), each field's failure named as {@code load} names it; a
 * model's relations are read not loaded, each handle reading its key fields' values from the row
 * ({@code BelongsTo.read}, ...). Models with embedded fields or JSON documents get none:
 * their loading needs the row's values (a document, the {@code Db}'s codec).
 */
final class RowReaderWriter {
  private static final ClassName COLUMNS = ClassName.get("io.toasty.value", "Columns");
  private static final ClassName ROW_READER = ClassName.get("io.toasty.value", "RowReader");

  private final ModelDescriptor model;
  private final List<String> readers;

  private RowReaderWriter(ModelDescriptor model, List<String> readers) {
    this.model = model;
    this.readers = readers;
  }

  /** Whether {@code model} gets a row reader. */
  static boolean applies(ModelDescriptor model) {
    return model.embedded().isEmpty() && model.sealed().isEmpty()
        && model.fields().stream().noneMatch(f -> f.type().kind() == FieldKind.JSON
            || f.type().kind().isCollection());
  }

  /**
   * Adds the reader to {@code type}; {@code readers} are the per-field reader names of
   * {@code load}, which the column readers overload.
   */
  static void addTo(TypeSpec.Builder type, ModelDescriptor model, List<String> readers) {
    if (!applies(model)) {
      return;
    }
    RowReaderWriter w = new RowReaderWriter(model, readers);
    ParameterizedTypeName readerType = ParameterizedTypeName.get(ROW_READER, model.record());
    type.addField(FieldSpec.builder(readerType, "ROW_READER", PRIVATE, STATIC, FINAL)
            .initializer("$L::fromColumns", ModelDefWriter.CLASS_NAME)
            .build())
        .addMethod(MethodSpec.methodBuilder("rowReader")
            .addAnnotation(Override.class)
            .addModifiers(PUBLIC)
            .returns(readerType)
            .addStatement("return ROW_READER")
            .build())
        .addMethod(w.fromColumns());
    for (FieldDescriptor f : model.fields()) {
      type.addMethod(w.reader(f));
    }
    type.addMethod(present());
  }

  private MethodSpec fromColumns() {
    CodeBlock[] byComponent = new CodeBlock[model.components()];
    for (FieldDescriptor f : model.fields()) {
      byComponent[f.component()] = f.type().deferred()
          ? CodeBlock.of("$T.of($N(row))", ApiTypes.DEFERRED, readers.get(f.index()))
          : CodeBlock.of("$N(row)", readers.get(f.index()));
    }
    for (RelationDescriptor r : model.relations()) {
      // not loaded (a row read by a reader has no merged slots); the handle reads its key
      // fields' values from the row
      byComponent[r.component()] = ModelDefWriter.relation(r, "read");
    }
    CodeBlock.Builder args = CodeBlock.builder();
    for (int i = 0; i < byComponent.length; i++) {
      args.add(i == 0 ? "\n" : ",\n").add(byComponent[i]);
    }
    return MethodSpec.methodBuilder("fromColumns")
        .addModifiers(PRIVATE, STATIC)
        .returns(model.record())
        .addParameter(COLUMNS, "row")
        .addStatement("return new $T($L)", model.record(), args.build())
        .build();
  }

  /** {@code readName(Columns)}: the field from its column, failures naming the field. */
  private MethodSpec reader(FieldDescriptor f) {
    return ModelDefWriter.fieldReader(readers.get(f.index()), f, COLUMNS, "row", read(f));
  }

  private static CodeBlock read(FieldDescriptor f) {
    FieldType type = f.type();
    FieldKind kind = type.kind();
    CodeBlock get = CodeBlock.of("row.$N($L)", kind.getter(), f.index());
    if (type.optional()) {
      return CodeBlock.of("row.isNull($L) ? $T.empty() : $T.of($L)", f.index(), ApiTypes.OPTIONAL,
          ApiTypes.OPTIONAL, convert(type, get));
    }
    return convert(type, kind.primitiveGetter() ? get : CodeBlock.of("present($L)", get));
  }

  private static CodeBlock convert(FieldType type, CodeBlock column) {
    if (type.sensitive()) {
      return CodeBlock.of("$T.of($L)", ApiTypes.SENSITIVE, plainConvert(type, column));
    }
    return plainConvert(type, column);
  }

  private static CodeBlock plainConvert(FieldType type, CodeBlock column) {
    return type.kind() == FieldKind.ENUM
        ? CodeBlock.of("$T.asEnum($L, $T.class)", ApiTypes.VALUES, column, type.enumOf().type())
        : column;
  }

  /** A reference getter's value, which a field that is not Optional needs. */
  private static MethodSpec present() {
    TypeVariableName t = TypeVariableName.get("T");
    return MethodSpec.methodBuilder("present")
        .addModifiers(PRIVATE, STATIC)
        .addTypeVariable(t)
        .returns(t)
        .addParameter(t, "value")
        .beginControlFlow("if (value == null)")
        .addStatement("throw new $T($S)", IllegalArgumentException.class,
            "NULL in a field that is not Optional")
        .endControlFlow()
        .addStatement("return value")
        .build();
  }
}
