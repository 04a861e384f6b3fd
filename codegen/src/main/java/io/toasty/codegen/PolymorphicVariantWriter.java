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
import com.palantir.javapoet.TypeVariableName;
import java.util.List;

/**
 * Writes the classes of one variant of a polymorphic model: its entry ({@code Clicks}), whose
 * every query, update and delete carries the variant's discriminator predicate; its query; its
 * create, which writes the discriminator; and its update. The variant's definition is a view of
 * the hierarchy's: the same schema (so it needs no registration of its own), reading its own
 * rows only.
 */
final class PolymorphicVariantWriter {
  private static final ClassName INVALID_STATEMENT = ClassName.get("io.toasty.error",
      "InvalidStatementException");
  private static final String VIEW = "VARIANT";

  private final PolymorphicDescriptor model;
  private final PolymorphicVariant variant;

  private PolymorphicVariantWriter(PolymorphicDescriptor model, PolymorphicVariant variant) {
    this.model = model;
    this.variant = variant;
  }

  /** The variant's four classes. */
  static List<TypeSpec> write(PolymorphicDescriptor model, PolymorphicVariant variant) {
    PolymorphicVariantWriter w = new PolymorphicVariantWriter(model, variant);
    return List.of(w.entry(), w.query(), w.create(), w.update());
  }

  private TypeSpec entry() {
    ClassName query = variant.queryClass();
    return TypeSpec.classBuilder(variant.entry())
        .addFields(variant.relations().stream().map(r -> EntryWriter.relationPath(model.name(),
            variant.type(), model.allFields().size(), r)).toList())
        .addModifiers(PUBLIC, FINAL)
        .addAnnotation(SourceFiles.generated())
        .addJavadoc("The entry point of variant {@link $T} of polymorphic model {@link $T}: its"
            + " queries, creates, updates and deletes see its records only. Its fields' paths are"
            + " {@link $T}'s; its relations' paths, to include from its queries, are here.\n",
            variant.type(), model.type(), model.entry())
        .addField(FieldSpec.builder(ParameterizedTypeName.get(ApiTypes.MODEL_DEF, variant.type()),
                VIEW, PUBLIC, STATIC, FINAL)
            .addJavadoc("The variant's view of {@link $T#MODEL}, which is what a {@code Db}"
                + " registers.\n", model.entry())
            .initializer("new Definition()")
            .build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(PRIVATE).build())
        .addMethod(MethodSpec.methodBuilder("all")
            .addJavadoc("A query of all records of this variant.\n")
            .addModifiers(PUBLIC, STATIC)
            .returns(query)
            .addStatement("return new $T($T.all($N.name())).filter($T.is($T.class))", query,
                ApiTypes.QUERY, VIEW, model.entry(), variant.type())
            .build())
        .addMethod(MethodSpec.methodBuilder("filter")
            .addJavadoc("A query of the records of this variant matching {@code condition}.\n")
            .addModifiers(PUBLIC, STATIC)
            .returns(query)
            .addParameter(ParameterizedTypeName.get(ApiTypes.EXPR, TypeName.BOOLEAN.box()),
                "condition")
            .addStatement("return all().filter(condition)")
            .build())
        .addMethods(PolymorphicWriter.keyMethods(model, variant.type(), query))
        .addMethod(MethodSpec.methodBuilder("create")
            .addJavadoc("A create of {@code record}, with its variant's discriminator.\n")
            .addModifiers(PUBLIC, STATIC)
            .returns(variant.createClass())
            .addParameter(variant.type(), "record")
            .addStatement("return new $T(record)", variant.createClass())
            .build())
        .addMethod(MethodSpec.methodBuilder("createMany")
            .addJavadoc("An insert of {@code records}, in one statement.\n")
            .addModifiers(PUBLIC, STATIC)
            .returns(ParameterizedTypeName.get(ApiTypes.INSERT, variant.type()))
            .addParameter(ParameterizedTypeName.get(ApiTypes.COLLECTION, variant.type()),
                "records")
            .addStatement("return $T.of($N, records.stream().map($T::new).toList())",
                ApiTypes.INSERT, VIEW, variant.createClass())
            .build())
        .addMethod(keyed("update", ParameterizedTypeName.get(variant.updateClass(),
                variant.type()),
            "An update of {@code record}, found by its key among this variant's records, setting"
                + " every field; the result is the record as stored.\n",
            CodeBlock.of("new $T<>(filter$L($L).untyped().filter(), $T.record()).replace(record)",
                variant.updateClass(), suffix(), keyArgs(), ApiTypes.UPDATE_RESULT)))
        .addMethod(keyed("delete", ParameterizedTypeName.get(ApiTypes.DELETE, variant.type()),
            "A delete of {@code record}, found by its key among this variant's records.\n",
            CodeBlock.of("filter$L($L).delete()", suffix(), keyArgs())))
        .addMethod(updateById())
        .addType(view())
        .build();
  }

  private MethodSpec keyed(String name, TypeName returns, String javadoc, CodeBlock body) {
    return MethodSpec.methodBuilder(name)
        .addJavadoc(javadoc)
        .addModifiers(PUBLIC, STATIC)
        .returns(returns)
        .addParameter(variant.type(), "record")
        .addStatement("$T.requireNonNull(record, $S)", ApiTypes.OBJECTS, "record")
        .addStatement("return $L", body)
        .build();
  }

  private MethodSpec updateById() {
    MethodSpec.Builder m = MethodSpec.methodBuilder("update" + suffix())
        .addJavadoc("An update of the record of this variant with the given key, resulting in"
            + " the number of records updated.\n")
        .addModifiers(PUBLIC, STATIC)
        .returns(ParameterizedTypeName.get(variant.updateClass(), ClassName.get(Long.class)));
    for (FieldDescriptor f : model.keyFields()) {
      m.addParameter(f.type().pathArgument(), f.name());
    }
    return m.addStatement("return filter$L($L).update()", suffix(),
        model.keyFields().stream().map(f -> CodeBlock.of("$N", f.name()))
            .collect(CodeBlock.joining(", "))).build();
  }

  private String suffix() {
    return Naming.finderSuffix(model.keyFields().stream().map(FieldDescriptor::name).toList());
  }

  private CodeBlock keyArgs() {
    return model.keyFields().stream().map(f -> CodeBlock.of("record.$N()", f.accessor()))
        .collect(CodeBlock.joining(", "));
  }

  /** The variant's definition: the hierarchy's, narrowed to this variant's records. */
  private TypeSpec view() {
    ClassName type = variant.type();
    return TypeSpec.classBuilder("Definition")
        .addJavadoc("The hierarchy's definition, reading and writing $T records.\n", type)
        .addModifiers(PRIVATE, STATIC, FINAL)
        .addSuperinterface(ParameterizedTypeName.get(ApiTypes.MODEL_DEF, type))
        .addMethod(override("schema", ApiTypes.MODEL_SCHEMA)
            .addStatement("return $T.MODEL.schema()", model.entry()).build())
        .addMethod(override("type", ParameterizedTypeName.get(ClassName.get(Class.class), type))
            .addStatement("return $T.class", type).build())
        .addMethod(override("load", type)
            .addParameter(ApiTypes.VALUE_RECORD, "row")
            .addStatement("$T read = $T.MODEL.load(row)", model.type(), model.entry())
            .beginControlFlow("if (read instanceof $T v)", type)
            .addStatement("return v")
            .endControlFlow()
            // the discriminator predicate of every query of this variant keeps other rows out
            .addStatement("throw new $T($S + read.getClass().getSimpleName())",
                IllegalArgumentException.class, model.name() + ": a " + type.simpleName()
                    + " query read a record of variant ")
            .build())
        .addMethod(override("values", ApiTypes.VALUE_RECORD)
            .addParameter(type, "record")
            .addStatement("return $T.MODEL.values(record)", model.entry()).build())
        .addMethod(override("toString", ClassName.get(String.class))
            .addStatement("return $S", "ModelDef[" + model.name() + "/" + type.simpleName() + "]")
            .build())
        .build();
  }

  private TypeSpec query() {
    TypeSpec base = PolymorphicWriter.queryType(variant.queryClass(), variant.type(),
        variant.entry(), VIEW, "A query of {@link $T} records; see {@code io.toasty.Select}.\n");
    return base.toBuilder()
        .addMethod(MethodSpec.methodBuilder("update")
            .addJavadoc("An update of the records this query matches, resulting in their"
                + " number.\n")
            .addModifiers(PUBLIC)
            .returns(ParameterizedTypeName.get(variant.updateClass(), ClassName.get(Long.class)))
            .addStatement("return mutation(new $T<>(mutationFilter(), $T.count()))",
                variant.updateClass(), ApiTypes.UPDATE_RESULT)
            .build())
        .build();
  }

  /** {@code ClickCreate}: built from a whole record, so no field is left unset. */
  private TypeSpec create() {
    ClassName create = variant.createClass();
    MethodSpec.Builder ctor = MethodSpec.constructorBuilder()
        .addParameter(variant.type(), "record")
        .addStatement("super($T.$N)", variant.entry(), VIEW)
        .addStatement("$T.requireNonNull(record, $S)", ApiTypes.OBJECTS, "record")
        .addStatement("setInner($T.DISCRIMINATOR, $L)", model.entry(),
            PolymorphicWriter.literal(model, variant));
    for (FieldDescriptor f : variant.fields()) {
      ctor.addStatement("setFromRecord($T.$N, $L)", model.entry(), f.constant(),
          given(f, CodeBlock.of("record.$N()", f.accessor())));
    }
    return TypeSpec.classBuilder(create)
        .addModifiers(PUBLIC, FINAL)
        .addAnnotation(SourceFiles.generated())
        .addJavadoc("A create of a {@link $T}, writing its discriminator; see"
            + " {@code io.toasty.Create}.\n", variant.type())
        .superclass(ParameterizedTypeName.get(ApiTypes.ABSTRACT_CREATE, variant.type(), create))
        .addMethod(ctor.build())
        .addMethod(present())
        .build();
  }

  /** {@code ClickUpdate<R>}: a setter per field but the key. */
  private TypeSpec update() {
    ClassName update = variant.updateClass();
    TypeVariableName r = TypeVariableName.get("R");
    TypeName self = ParameterizedTypeName.get(update, r);
    TypeSpec.Builder type = TypeSpec.classBuilder(update)
        .addModifiers(PUBLIC, FINAL)
        .addAnnotation(SourceFiles.generated())
        .addJavadoc("An update of {@link $T} records; see {@code io.toasty.Update}.\n\n"
            + "@param <R> the result: the number of records updated, or the record\n",
            variant.type())
        .addTypeVariable(r)
        .superclass(ParameterizedTypeName.get(ApiTypes.ABSTRACT_UPDATE, variant.type(), self, r))
        .addMethod(MethodSpec.constructorBuilder()
            .addParameter(ApiTypes.STMT_EXPR, "filter")
            .addParameter(ParameterizedTypeName.get(ApiTypes.UPDATE_RESULT, variant.type(), r),
                "result")
            .addStatement("super($T.$N, filter, result)", variant.entry(), VIEW)
            .build())
        .addMethod(present());
    MethodSpec.Builder replace = MethodSpec.methodBuilder("replace")
        .returns(self)
        .addParameter(variant.type(), "record");
    for (FieldDescriptor f : variant.fields()) {
      if (f.key()) {
        continue;
      }
      type.addMethod(MethodSpec.methodBuilder(f.accessor())
          .addJavadoc("Sets {@code $L}.\n", f.name())
          .addModifiers(PUBLIC)
          .returns(self)
          .addParameter(f.type().declared(), f.name())
          .addStatement("return set($T.$N, $L)", model.entry(), f.constant(),
              given(f, CodeBlock.of("$N", f.name())))
          .build());
      replace.addStatement("$N(record.$N())", f.accessor(), f.accessor());
    }
    return type.addMethod(replace.addStatement("return self()").build()).build();
  }

  /** A field's value as its path takes it: an empty Optional is NULL, null is refused. */
  private static CodeBlock given(FieldDescriptor f, CodeBlock java) {
    if (f.type().optional()) {
      return CodeBlock.of("$T.requireNonNull($L, $S).orElse(null)", ApiTypes.OBJECTS, java,
          f.name());
    }
    return f.type().isPrimitive() ? java : CodeBlock.of("present$$($L, $S)", java, f.name());
  }

  private MethodSpec present() {
    return EmbeddedSetters.presentHelper(variant.name(), "present$");
  }

  private static MethodSpec.Builder override(String name, TypeName returns) {
    return MethodSpec.methodBuilder(name).addAnnotation(Override.class).addModifiers(PUBLIC)
        .returns(returns);
  }
}
