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
import io.toasty.schema.app.RelationSchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes the model's {@code ModelDef}: a private class nested in the entry class, with the schema
 * built once as a constant, and loaders and value conversions written out per field.
 */
final class ModelDefWriter {
  /** The nested class's simple name. */
  static final String CLASS_NAME = "Definition";

  private final ModelDescriptor model;
  private final List<String> readers;

  private ModelDefWriter(ModelDescriptor model) {
    this.model = model;
    this.readers = readerNames(model.fields());
  }

  /** The nested {@code Definition} class of the model's entry class. */
  static TypeSpec write(ModelDescriptor model) {
    return new ModelDefWriter(model).type();
  }

  /** The code making a field's engine {@code Type}. */
  static CodeBlock engineType(FieldType type) {
    if (type.kind().isCollection()) {
      return CodeBlock.of("new $T($T.Shape.$L, $T.$L)", ApiTypes.TYPE_COLLECTION,
          ApiTypes.TYPE_COLLECTION, type.kind().name(), ApiTypes.TYPE_SCALAR,
          type.itemOf().scalarOf().name());
    }
    if (type.kind() != FieldKind.ENUM) {
      return CodeBlock.of("$T.$L", ApiTypes.TYPE_SCALAR, type.kind().scalarOf().name());
    }
    CodeBlock constants = type.enumOf().constants().stream()
        .map(c -> CodeBlock.of("$S", c))
        .collect(CodeBlock.joining(", "));
    return CodeBlock.of("new $T($S, $T.of($L))", ApiTypes.TYPE_ENUM,
        type.enumOf().binaryName(), ApiTypes.LIST, constants);
  }

  private TypeSpec type() {
    TypeSpec.Builder type = TypeSpec.classBuilder(CLASS_NAME)
        .addJavadoc("The model's schema and its conversions between records and values.\n")
        .addModifiers(PRIVATE, STATIC, FINAL)
        .addSuperinterface(ParameterizedTypeName.get(ApiTypes.MODEL_DEF, model.record()))
        .addField(schemaConstant())
        .addMethod(schema())
        .addMethod(javaType())
        .addMethod(load())
        .addMethod(values())
        .addMethod(keyOf());
    for (FieldDescriptor f : model.fields()) {
      type.addMethod(reader(f));
    }
    RowReaderWriter.addTo(type, model, readers);
    EmbeddedValuesWriter embedded = new EmbeddedValuesWriter(model, readers);
    embedded.methods().forEach(type::addMethod);
    new SealedValuesWriter(model, readers).methods().forEach(type::addMethod);
    return type.addMethod(required())
        .addMethod(invalid())
        .addMethod(toStringMethod())
        .build();
  }

  private FieldSpec schemaConstant() {
    CodeBlock fields = model.fields().stream().map(ModelDefWriter::fieldSchema)
        .collect(CodeBlock.joining(",\n"));
    CodeBlock key = model.keyFields().stream().map(f -> CodeBlock.of("$L", f.index()))
        .collect(CodeBlock.joining(", "));
    CodeBlock indexes = model.indexes().stream().map(ModelDefWriter::indexSchema)
        .collect(CodeBlock.joining(",\n"));
    if (model.relations().isEmpty()) {
      return FieldSpec.builder(ApiTypes.MODEL_SCHEMA, "SCHEMA", PRIVATE, STATIC, FINAL)
          // An initializer is no statement, so its continuation lines are indented explicitly.
          .initializer("new $T($S, $S, $S,\n$>$>$T.of(\n$>$>$L$<$<),\n$T.of($L),\n$T.of($L)$<$<)$L",
              ApiTypes.MODEL_SCHEMA, model.name(), model.javaClass(), model.table(),
              ApiTypes.LIST, fields, ApiTypes.LIST, key, ApiTypes.LIST,
              indexes.isEmpty() ? indexes : CodeBlock.of("\n$>$>$L$<$<", indexes),
              CodeBlock.of("$L$L", changes(model), DeclaredNamesCode.of(model.declared())))
          .build();
    }
    CodeBlock relations = model.relations().stream().map(ModelDefWriter::relationSchema)
        .collect(CodeBlock.joining(",\n"));
    return FieldSpec.builder(ApiTypes.MODEL_SCHEMA, "SCHEMA", PRIVATE, STATIC, FINAL)
        .initializer("new $T($S, $S, $S,\n$>$>$T.of(\n$>$>$L$<$<),\n$T.of($L),\n$T.of($L),"
                + "\n$T.of(\n$>$>$L$<$<)$<$<)$L",
            ApiTypes.MODEL_SCHEMA, model.name(), model.javaClass(), model.table(),
            ApiTypes.LIST, fields, ApiTypes.LIST, key, ApiTypes.LIST,
            indexes.isEmpty() ? indexes : CodeBlock.of("\n$>$>$L$<$<", indexes),
            ApiTypes.LIST, relations,
            CodeBlock.of("$L$L", changes(model), DeclaredNamesCode.of(model.declared())))
        .build();
  }

  /** {@code .withChanges()} after the schema of a model with {@code @Model(changes = true)}. */
  private static String changes(ModelDescriptor model) {
    return model.changes() ? ".withChanges()" : "";
  }

  /** The {@code RelationSchema} of {@code r}, as the model's schema lists it. */
  static CodeBlock relationSchema(RelationDescriptor r) {
    CodeBlock through = CodeBlock.of("null");
    if (r.through() != null) {
      through = CodeBlock.of("new $T($S, $T.of($L), $T.of($L), $T.of($L))",
          ApiTypes.RELATION_SCHEMA.nestedClass("Through"), r.through().model(), ApiTypes.LIST,
          r.through().path().stream().map(p -> CodeBlock.of("$S", p))
              .collect(CodeBlock.joining(", ")),
          ApiTypes.LIST, ints(r.through().sourceFields()), ApiTypes.LIST,
          ints(r.through().targetFields()));
    }
    CodeBlock relation = CodeBlock.of("new $T($L, $S, $T.Kind.$L, $S, $S, $T.of($L), $T.of($L), "
        + "$L, $L", ApiTypes.RELATION_SCHEMA, r.index(), r.name(), ApiTypes.RELATION_SCHEMA,
        r.kind().name(), r.targetName(), r.pair(), ApiTypes.LIST, ints(r.sourceFields()),
        ApiTypes.LIST, ints(r.targetFields()), r.optional(), through);
    if (r.graph() != null) {
      // Only a relation with @Relationship names the fifteenth argument.
      return CodeBlock.of("$L, $T.of($L), $L, $L, $L, $T.Integrity.$L, new $T($S, $L, $L))",
          relation, ApiTypes.LIST, steps(r), r.eager(), r.max(), variant(r),
          ApiTypes.RELATION_SCHEMA, r.integrity().name(),
          ApiTypes.RELATION_SCHEMA.nestedClass("GraphEdge"), r.graph().type(),
          r.graph().incoming(), r.graph().joinModel());
    }
    if (r.integrity() != RelationSchema.Integrity.ENFORCED) {
      // Only a relation with @BelongsTo.Restrict or .Unchecked names the fourteenth argument.
      return CodeBlock.of("$L, $T.of($L), $L, $L, $L, $T.Integrity.$L)", relation, ApiTypes.LIST,
          steps(r), r.eager(), r.max(), variant(r), ApiTypes.RELATION_SCHEMA,
          r.integrity().name());
    }
    if (r.variant() != null) {
      // Only a relation to one variant names the thirteenth argument.
      return CodeBlock.of("$L, $T.of($L), $L, $L, $L)", relation, ApiTypes.LIST,
          steps(r), r.eager(), r.max(), variant(r));
    }
    if (r.max() > 0) {
      // Only a limited relation names the twelfth argument: other models generate as before.
      return CodeBlock.of("$L, $T.of($L), $L, $L)", relation, ApiTypes.LIST, steps(r), r.eager(),
          r.max());
    }
    if (r.eager()) {
      // Only an eager relation names the eleventh argument: other models generate as before.
      return CodeBlock.of("$L, $T.of($L), true)", relation, ApiTypes.LIST, steps(r));
    }
    if (r.steps().isEmpty()) {
      return CodeBlock.of("$L)", relation);
    }
    return CodeBlock.of("$L, $T.of($L))", relation, ApiTypes.LIST, steps(r));
  }

  private static CodeBlock variant(RelationDescriptor r) {
    return r.variant() == null ? CodeBlock.of("null") : CodeBlock.of("new $T($L, $L)",
        ApiTypes.RELATION_SCHEMA.nestedClass("Variant"), r.variant().field(), r.variant().value());
  }

  private static CodeBlock steps(RelationDescriptor r) {
    return r.steps().stream().map(st -> CodeBlock.of(
        "new $T($S, $S, $S, $L, $T.of($L), $T.of($L))",
        ApiTypes.RELATION_SCHEMA.nestedClass("Step"), st.model(), st.relation(), st.target(),
        st.many(), ApiTypes.LIST, ints(st.sourceFields()), ApiTypes.LIST,
        ints(st.targetFields()))).collect(CodeBlock.joining(", "));
  }

  private static CodeBlock ints(List<Integer> values) {
    return values.stream().map(v -> CodeBlock.of("$L", v)).collect(CodeBlock.joining(", "));
  }

  private static CodeBlock fieldSchema(FieldDescriptor f) {
    CodeBlock auto = f.auto() == null ? CodeBlock.of("null")
        : CodeBlock.of("$T.$L", ApiTypes.AUTO, f.auto().name());
    CodeBlock defaultValue = f.defaultValue() == null ? CodeBlock.of("null") : f.defaultValue();
    if (f.renamedFrom() != null || f.type().deferred()) {
      CodeBlock onUpdate = f.onUpdate() == null ? CodeBlock.of("null")
          : CodeBlock.of("$T.$L", ApiTypes.AUTO, f.onUpdate().name());
      return CodeBlock.of("new $T($L, $S, $L, $L, $L, $L, $S, $L, $L, $S, $L)",
          ApiTypes.FIELD_SCHEMA, f.index(), f.name(), engineType(f.type()), f.nullable(), auto,
          defaultValue, f.column(), onUpdate, f.sensitive(), f.renamedFrom(),
          f.type().deferred());
    }
    if (f.sensitive()) {
      CodeBlock onUpdate = f.onUpdate() == null ? CodeBlock.of("null")
          : CodeBlock.of("$T.$L", ApiTypes.AUTO, f.onUpdate().name());
      return CodeBlock.of("new $T($L, $S, $L, $L, $L, $L, $S, $L, true)", ApiTypes.FIELD_SCHEMA,
          f.index(), f.name(), engineType(f.type()), f.nullable(), auto, defaultValue,
          f.column(), onUpdate);
    }
    if (f.onUpdate() != null) {
      return CodeBlock.of("new $T($L, $S, $L, $L, $L, $L, $S, $T.$L)", ApiTypes.FIELD_SCHEMA,
          f.index(), f.name(), engineType(f.type()), f.type().optional(), auto, defaultValue,
          f.column(), ApiTypes.AUTO, f.onUpdate().name());
    }
    return CodeBlock.of("new $T($L, $S, $L, $L, $L, $L, $S)", ApiTypes.FIELD_SCHEMA, f.index(),
        f.name(), engineType(f.type()), f.nullable(), auto, defaultValue, f.column());
  }

  /** The {@code IndexSchema} of {@code index}, as the model's schema lists it. */
  static CodeBlock indexSchema(IndexDescriptor index) {
    CodeBlock fields = index.sortBy() < 0 ? CodeBlock.of("$L", index.field())
        : CodeBlock.of("$L, $L", index.field(), index.sortBy());
    return CodeBlock.of("new $T($S, $T.of($L), $L)", ApiTypes.INDEX_SCHEMA, index.name(),
        ApiTypes.LIST, fields, index.unique());
  }

  private MethodSpec schema() {
    return override("schema", ApiTypes.MODEL_SCHEMA).addStatement("return SCHEMA").build();
  }

  private MethodSpec javaType() {
    return override("type", ParameterizedTypeName.get(ClassName.get(Class.class), model.record()))
        .addStatement("return $T.class", model.record())
        .build();
  }

  private MethodSpec load() {
    CodeBlock[] byComponent = new CodeBlock[model.components()];
    for (FieldDescriptor f : model.ownFields()) {
      byComponent[f.component()] = f.type().deferred()
          ? CodeBlock.of("$T.read(SCHEMA, $L, row, v -> $N(v))", ApiTypes.DEFERRED, f.index(),
              readers.get(f.index()))
          : CodeBlock.of("$N(row.get($L))", readers.get(f.index()), f.index());
    }
    for (EmbeddedDescriptor e : model.embedded()) {
      byComponent[e.component()] = CodeBlock.of("$N(row)", EmbeddedValuesWriter.loader(e));
    }
    for (SealedDescriptor s : model.sealed()) {
      byComponent[s.component()] = CodeBlock.of("$N(row)", SealedValuesWriter.loader(s));
    }
    for (RelationDescriptor r : model.relations()) {
      byComponent[r.component()] = loadRelation(r);
    }
    CodeBlock.Builder args = CodeBlock.builder();
    for (int i = 0; i < byComponent.length; i++) {
      args.add(i == 0 ? "\n" : ",\n").add(byComponent[i]);
    }
    MethodSpec.Builder load = override("load", model.record())
        .addParameter(ApiTypes.VALUE_RECORD, "row")
        .addStatement("$T.requireNonNull(row, $S)", ApiTypes.OBJECTS, "row");
    if (model.relations().isEmpty()) {
      load.beginControlFlow("if (row.size() != $L)", model.fields().size())
          .addStatement("throw new $T($S + row.size())", IllegalArgumentException.class,
              model.name() + ": a row needs " + model.fields().size() + " values, this one has ");
    } else {
      // A row holds the data fields, then (when the query included relations) one slot per
      // relation: a list of loaded records, or NULL for a relation that was not loaded.
      load.beginControlFlow("if (row.size() != $L && row.size() != $L)", model.fields().size(),
              model.rowWithRelations())
          .addStatement("throw new $T($S + row.size())", IllegalArgumentException.class,
              model.name() + ": a row needs " + model.fields().size() + " values (or "
                  + model.rowWithRelations() + " with relations), this one has ");
    }
    return load.endControlFlow()
        .addStatement("return new $T($L)", model.record(), args.build())
        .build();
  }

  /**
   * The handle of relation {@code r} of a loaded {@code row}. The related model's MODEL is read
   * here, at load time, never in a static initializer: two models that relate to each other
   * must not depend on each other's initialization.
   */
  static CodeBlock loadRelation(RelationDescriptor r) {
    return relation(r, "load");
  }

  /**
   * {@code Handle.method(SCHEMA, index, row, Target.MODEL[, Join.MODEL])}: the handle's
   * {@code load} from a value row, or its {@code read} from a row reader's columns.
   */
  static CodeBlock relation(RelationDescriptor r, String method) {
    return r.joinEntry() == null
        ? CodeBlock.of("$T.$N(SCHEMA, $L, row, $T.$N)", r.handleClass(), method, r.index(),
            r.targetEntry(), r.definition())
        : CodeBlock.of("$T.$N(SCHEMA, $L, row, $T.$N, $T.MODEL)", r.handleClass(), method,
            r.index(), r.targetEntry(), r.definition(), r.joinEntry());
  }

  private MethodSpec values() {
    if (!model.embedded().isEmpty() || !model.sealed().isEmpty()) {
      return EmbeddedValuesWriter.values(model, override("values", ApiTypes.VALUE_RECORD));
    }
    CodeBlock values = model.fields().stream().map(ModelDefWriter::valueOf)
        .collect(CodeBlock.joining(",\n"));
    return override("values", ApiTypes.VALUE_RECORD)
        .addParameter(model.record(), "record")
        .addStatement("$T.requireNonNull(record, $S)", ApiTypes.OBJECTS, "record")
        .addStatement("return $T.of(\n$L)", ApiTypes.VALUE_RECORD, values)
        .build();
  }

  /** Overrides the default, which would convert every field to pick the key's. */
  private MethodSpec keyOf() {
    CodeBlock values = model.keyFields().stream().map(ModelDefWriter::valueOf)
        .collect(CodeBlock.joining(", "));
    return override("keyOf", ApiTypes.VALUE_RECORD)
        .addParameter(model.record(), "record")
        .addStatement("$T.requireNonNull(record, $S)", ApiTypes.OBJECTS, "record")
        .addStatement("return $T.of($L)", ApiTypes.VALUE_RECORD, values)
        .build();
  }

  /**
   * A field's value. Primitives go straight into their value record; anything else through
   * {@code Value.of}, which maps null (and an empty {@code Optional}) to {@code NULL} for the
   * engine to reject or store.
   */
  private static CodeBlock valueOf(FieldDescriptor f) {
    if (f.type().deferred()) {
      // an unloaded value is no value: the record's values say so (Deferred.NOT_LOADED)
      return CodeBlock.of("$T.write(record.$N(), v -> $L)", ApiTypes.DEFERRED, f.accessor(),
          valueOf(f, CodeBlock.of("v")));
    }
    if (f.embedded()) {
      // a leaf of an embedded key record (keyOf): through the record's accessors
      return valueOf(f, KeyParameters.value(f,
          CodeBlock.of("record.$N()", KeyParameters.component(f))));
    }
    return valueOf(f, CodeBlock.of("record.$N()", f.accessor()));
  }

  /** The value of field {@code f}, whose Java value {@code java} gives. */
  static CodeBlock valueOf(FieldDescriptor f, CodeBlock java) {
    if (f.type().kind().isCollection()) {
      return CodeBlock.of("$T.of($L, $N.collectionType())", ApiTypes.COLLECTION_VALUES, java,
          f.constant());
    }
    if (f.type().document() != null) {
      // the path tags the document with the variant's discriminator
      return CodeBlock.of(f.type().optional() ? "$N.toValue($L.orElse(null))" : "$N.toValue($L)",
          f.constant(), java);
    }
    if (f.type().kind() == FieldKind.JSON) {
      return CodeBlock.of("$T.json($L, $N.javaType())", ApiTypes.VALUE, java, f.constant());
    }
    return f.type().isPrimitive()
        ? CodeBlock.of("new $T($L)", f.type().kind().valueRecord(), java)
        : CodeBlock.of("$T.of($L)", ApiTypes.VALUE, java);
  }

  /** {@code readLoginCount(Value)}: the field from its value, failures naming the field. */
  private MethodSpec reader(FieldDescriptor f) {
    return fieldReader(readers.get(f.index()), f, ApiTypes.VALUE, "value", read(f));
  }

  /**
   * A private static reader of field {@code f} from its one parameter, returning {@code read};
   * a failure is rethrown through {@code invalid}, naming the field.
   */
  static MethodSpec fieldReader(String name, FieldDescriptor f, TypeName parameter,
      String parameterName, CodeBlock read) {
    MethodSpec.Builder reader = MethodSpec.methodBuilder(name)
        .addModifiers(PRIVATE, STATIC)
        .returns(f.type().declared())
        .addParameter(parameter, parameterName)
        .beginControlFlow("try")
        .addStatement("return $L", read);
    if (f.type().kind() == FieldKind.JSON) {
      // already names model and field, and is the typed error callers catch (a sealed
      // document's unknown discriminator too)
      reader.nextControlFlow("catch ($T e)", f.type().document() != null
              ? ApiTypes.TOASTY_EXCEPTION : ApiTypes.JSON_FIELD_EXCEPTION)
          .addStatement("throw e");
    }
    return reader
        .nextControlFlow("catch ($T e)", RuntimeException.class)
        .addStatement("throw invalid($S, e)", f.name())
        .endControlFlow()
        .build();
  }

  private CodeBlock read(FieldDescriptor f) {
    FieldType type = f.type();
    if (!type.optional()) {
      return convert(f, CodeBlock.of("required(value)"));
    }
    return CodeBlock.of("value.isNull() ? $T.empty() : $T.of($L)", ApiTypes.OPTIONAL,
        ApiTypes.OPTIONAL, convert(f, CodeBlock.of("value")));
  }

  private CodeBlock convert(FieldDescriptor f, CodeBlock value) {
    FieldType type = f.type();
    if (type.document() != null) {
      return CodeBlock.of("$N.read($L)", f.constant(), value);
    }
    if (type.kind() == FieldKind.JSON) {
      return CodeBlock.of("$T.<$T>asJson($L, $N.javaType(), $S, $S)", ApiTypes.VALUES,
          type.type(), value, f.constant(), model.name(), f.name());
    }
    if (type.kind().isCollection()) {
      return CodeBlock.of("$T.<$T>$L($L)", ApiTypes.COLLECTION_VALUES,
          type.itemOf().javaTypeOf().box(), type.kind().reader(), value);
    }
    if (type.sensitive()) {
      return CodeBlock.of("$T.of($L)", ApiTypes.SENSITIVE, plainConvert(type, value));
    }
    return plainConvert(type, value);
  }

  private static CodeBlock plainConvert(FieldType type, CodeBlock value) {
    return type.kind() == FieldKind.ENUM
        ? CodeBlock.of("$T.asEnum($L, $T.class)", ApiTypes.VALUES, value, type.enumOf().type())
        : CodeBlock.of("$T.$L($L)", ApiTypes.VALUES, type.kind().reader(), value);
  }

  private static MethodSpec required() {
    return MethodSpec.methodBuilder("required")
        .addModifiers(PRIVATE, STATIC)
        .returns(ApiTypes.VALUE)
        .addParameter(ApiTypes.VALUE, "value")
        .beginControlFlow("if (value.isNull())")
        .addStatement("throw new $T($S)", IllegalArgumentException.class,
            "NULL in a field that is not Optional")
        .endControlFlow()
        .addStatement("return value")
        .build();
  }

  private MethodSpec invalid() {
    return invalid(model.name());
  }

  /** {@code invalid(field, cause)}: a read's failure, naming the model and the field. */
  static MethodSpec invalid(String modelName) {
    return MethodSpec.methodBuilder("invalid")
        .addModifiers(PRIVATE, STATIC)
        .returns(IllegalArgumentException.class)
        .addParameter(String.class, "field")
        .addParameter(RuntimeException.class, "cause")
        .addStatement("return new $T($S + field + $S + cause.getMessage(), cause)",
            IllegalArgumentException.class, modelName + ".", ": ")
        .build();
  }

  private MethodSpec toStringMethod() {
    return override("toString", ClassName.get(String.class))
        .addStatement("return $S", "ModelDef[" + model.name() + "]")
        .build();
  }

  private static MethodSpec.Builder override(String name, TypeName returns) {
    return MethodSpec.methodBuilder(name)
        .addAnnotation(Override.class)
        .addModifiers(PUBLIC)
        .returns(returns);
  }

  /**
   * {@code read} + the capitalized field name; a name taken by another field or by a method of
   * this class gets the field's index appended ({@code readId} and {@code readID} cannot both be).
   */
  private static List<String> readerNames(List<FieldDescriptor> fields) {
    Set<String> taken = new HashSet<>(List.of("required", "invalid", "present"));
    List<String> names = new ArrayList<>(fields.size());
    for (FieldDescriptor f : fields) {
      StringBuilder path = new StringBuilder();
      for (String part : f.name().split("\\.")) {
        path.append(Naming.capitalize(part));
      }
      String name = "read" + path;
      names.add(taken.add(name) ? name : name + f.index());
      taken.add(names.get(names.size() - 1));
    }
    return names;
  }
}
