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
import com.palantir.javapoet.WildcardTypeName;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes a polymorphic model's entry class ({@code Events}: its fields' paths, its
 * definition, its variant filters, its queries) and its query class ({@code EventQuery}).
 * The definition reads a row into the variant its discriminator names.
 */
final class PolymorphicWriter {
  private static final ClassName INVALID_FILTER = ClassName.get("io.toasty.error",
      "InvalidFilterException");
  private static final ClassName UNKNOWN_VARIANT = ClassName.get("io.toasty.error",
      "UnknownVariantException");

  private final PolymorphicDescriptor model;

  private PolymorphicWriter(PolymorphicDescriptor model) {
    this.model = model;
  }

  /** {@code Events}. */
  static TypeSpec entry(PolymorphicDescriptor model) {
    return new PolymorphicWriter(model).entry();
  }

  /** {@code EventQuery}. */
  static TypeSpec query(PolymorphicDescriptor model) {
    return queryType(model.queryClass(), model.type(), model.entry(), "MODEL",
        "A query of {@link $T} records of every variant; see {@code io.toasty.Select}.\n");
  }

  /** A query class over a model definition constant of {@code entry}. */
  static TypeSpec queryType(ClassName query, ClassName record, ClassName entry, String constant,
      String javadoc) {
    return TypeSpec.classBuilder(query)
        .addModifiers(PUBLIC, FINAL)
        .addAnnotation(SourceFiles.generated())
        .addJavadoc(javadoc, record)
        .superclass(ParameterizedTypeName.get(ApiTypes.ABSTRACT_SELECT, record, query))
        .addMethod(MethodSpec.constructorBuilder()
            .addParameter(ApiTypes.QUERY, "query")
            .addStatement("super($T.$N, query)", entry, constant)
            .build())
        .addMethod(MethodSpec.methodBuilder("with")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PROTECTED)
            .returns(query)
            .addParameter(ApiTypes.QUERY, "query")
            .addStatement("return new $T(query)", query)
            .build())
        .build();
  }

  private TypeSpec entry() {
    ModelDescriptor paths = new ModelDescriptor(model.type(), model.javaClass(), model.entry(),
        model.table(), model.fields(), List.of(), List.of(), List.of());
    TypeSpec.Builder type = TypeSpec.classBuilder(model.entry())
        .addModifiers(PUBLIC, FINAL)
        .addAnnotation(SourceFiles.generated())
        .addJavadoc("The entry point of polymorphic model {@link $T}: its fields' paths (the union"
            + " of its variants'), its definition, its variant filters and its queries, which"
            + " see records of every variant.\n", model.type());
    for (FieldDescriptor f : model.fields()) {
      type.addField(EntryWriter.path(paths, f, PUBLIC, STATIC, FINAL));
    }
    for (RelationDescriptor r : model.relations()) {
      type.addField(EntryWriter.relationPath(model.name(), model.type(),
          model.allFields().size(), r));
    }
    type.addField(discriminatorPath())
        .addField(FieldSpec.builder(ParameterizedTypeName.get(ApiTypes.MODEL_DEF, model.type()),
                "MODEL", PUBLIC, STATIC, FINAL)
            .addJavadoc("The model's definition, to register with a {@code Db}.\n")
            .initializer("new Definition()")
            .build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(PRIVATE).build())
        .addMethod(MethodSpec.methodBuilder("all")
            .addJavadoc("A query of all records, of every variant.\n")
            .addModifiers(PUBLIC, STATIC)
            .returns(model.queryClass())
            .addStatement("return new $T($T.all(MODEL.name()))", model.queryClass(), ApiTypes.QUERY)
            .build())
        .addMethod(MethodSpec.methodBuilder("filter")
            .addJavadoc("A query of the records matching {@code condition}, of every variant.\n")
            .addModifiers(PUBLIC, STATIC)
            .returns(model.queryClass())
            .addParameter(ParameterizedTypeName.get(ApiTypes.EXPR, TypeName.BOOLEAN.box()),
                "condition")
            .addStatement("return all().filter(condition)")
            .build())
        .addMethods(keyMethods(model, model.type(), model.queryClass()))
        .addMethod(createOfAnyVariant())
        .addMethod(variantFilter("is", "Whether a record is a {@code variant}.\n", "eq"))
        .addMethod(variantFilter("isNot", "Whether a record is of another variant than"
            + " {@code variant}.\n", "ne"))
        .addMethod(discriminant())
        .addType(PolymorphicDefinitionWriter.write(model));
    return type.build();
  }

  /** {@code filterById}, {@code getById} and {@code deleteById} of a hierarchy or variant. */
  static List<MethodSpec> keyMethods(PolymorphicDescriptor model, ClassName record,
      ClassName query) {
    List<FieldDescriptor> key = model.keyFields();
    String suffix = Naming.finderSuffix(key.stream().map(FieldDescriptor::name).toList());
    CodeBlock condition = CodeBlock.of("$T.all($T.of($L))", ApiTypes.CONDITION, ApiTypes.LIST,
        key.stream().map(f -> CodeBlock.of("$T.$N.eq($T.requireNonNull($N, $S))", model.entry(),
            f.constant(), ApiTypes.OBJECTS, f.name(), f.name())).collect(CodeBlock.joining(", ")));
    CodeBlock args = key.stream().map(f -> CodeBlock.of("$N", f.name()))
        .collect(CodeBlock.joining(", "));
    MethodSpec.Builder filter = MethodSpec.methodBuilder("filter" + suffix)
        .addJavadoc("A query of the record with the given key.\n")
        .addModifiers(PUBLIC, STATIC)
        .returns(query);
    MethodSpec.Builder get = MethodSpec.methodBuilder("get" + suffix)
        .addJavadoc("The record with the given key; a {@code RecordNotFoundException} if there is"
            + " none.\n")
        .addModifiers(PUBLIC, STATIC)
        .returns(ParameterizedTypeName.get(ApiTypes.MONO, record))
        .addParameter(ApiTypes.EXECUTOR, "db");
    MethodSpec.Builder delete = MethodSpec.methodBuilder("delete" + suffix)
        .addJavadoc("A delete of the record with the given key.\n")
        .addModifiers(PUBLIC, STATIC)
        .returns(ParameterizedTypeName.get(ApiTypes.DELETE, record));
    for (FieldDescriptor f : key) {
      filter.addParameter(f.type().pathArgument(), f.name());
      get.addParameter(f.type().pathArgument(), f.name());
      delete.addParameter(f.type().pathArgument(), f.name());
    }
    return List.of(
        filter.addStatement("return filter($L)", condition).build(),
        get.addStatement("return filter$L($L).get(db)", suffix, args).build(),
        delete.addStatement("return filter$L($L).delete()", suffix, args).build());
  }

  /**
   * {@code create(Event record)}: the create of {@code record} by its variant's entry
   * ({@code Clicks.create(click)}), for a record whose variant is known only at run time (a
   * request body read as the hierarchy).
   */
  private MethodSpec createOfAnyVariant() {
    MethodSpec.Builder m = MethodSpec.methodBuilder("create")
        .addJavadoc("A create of {@code record}, as its variant's entry makes it (its"
            + " discriminator set by its class): for a record whose variant is known at run time"
            + " only, such as a request body read as {@link $T}.\n", model.type())
        .addModifiers(PUBLIC, STATIC)
        .returns(ParameterizedTypeName.get(ApiTypes.CREATE,
            WildcardTypeName.subtypeOf(model.type())))
        .addParameter(model.type(), "record")
        .addStatement("$T.requireNonNull(record, $S)", ApiTypes.OBJECTS, "record");
    for (PolymorphicVariant v : model.variants()) {
      m.beginControlFlow("if (record instanceof $T variant)", v.type())
          .addStatement("return $T.create(variant)", v.entry())
          .endControlFlow();
    }
    return m.addStatement("throw new $T(record.getClass().getName() + $S)",
            IllegalArgumentException.class, " is not a variant of " + model.name())
        .build();
  }

  private FieldSpec discriminatorPath() {
    FieldDescriptor d = model.discriminator();
    TypeName java = d.type().pathArgument();
    return FieldSpec.builder(ParameterizedTypeName.get(ApiTypes.PATH, java), "DISCRIMINATOR",
            PUBLIC, STATIC, FINAL)
        .addJavadoc("The discriminator column: the stored variant's {@code @Discriminator}. To"
            + " order by; a record's variant is set when it is created, never by a setter.\n")
        .initializer("new $T<>($S, $L, $S, $L, $S)", ApiTypes.PATH, model.name(), d.index(),
            d.name(), ModelDefWriter.engineType(d.type()), d.name())
        .build();
  }

  private TypeName variantClass() {
    return ParameterizedTypeName.get(ClassName.get(Class.class),
        WildcardTypeName.subtypeOf(model.type()));
  }

  private MethodSpec variantFilter(String name, String javadoc, String op) {
    return MethodSpec.methodBuilder(name)
        .addJavadoc(javadoc)
        .addModifiers(PUBLIC, STATIC)
        .returns(ApiTypes.CONDITION)
        .addParameter(variantClass(), "variant")
        .addStatement("return DISCRIMINATOR.$N(discriminant(variant))", op)
        .build();
  }

  private MethodSpec discriminant() {
    MethodSpec.Builder m = MethodSpec.methodBuilder("discriminant")
        .addJavadoc("The discriminator stored for {@code variant}.\n")
        .addModifiers(PUBLIC, STATIC)
        .returns(model.discriminator().type().pathArgument())
        .addParameter(variantClass(), "variant")
        .addStatement("$T.requireNonNull(variant, $S)", ApiTypes.OBJECTS, "variant");
    for (PolymorphicVariant v : model.variants()) {
      m.beginControlFlow("if (variant == $T.class)", v.type())
          .addStatement("return $L", literal(model, v))
          .endControlFlow();
    }
    return m.addStatement("throw new $T($S, $S, $S, variant.getName() + $S)", INVALID_FILTER,
            model.name(), PolymorphicDescriptor.DISCRIMINATOR,
            PolymorphicDescriptor.DISCRIMINATOR, " is not a variant of " + model.name())
        .build();
  }

  /** A variant's discriminator as a Java literal. */
  static CodeBlock literal(PolymorphicDescriptor model, PolymorphicVariant v) {
    return model.numeric() ? CodeBlock.of("$L", v.discriminant())
        : CodeBlock.of("$S", v.discriminant());
  }

  /** The exception for a stored discriminator no variant declares. */
  static ClassName unknownVariant() {
    return UNKNOWN_VARIANT;
  }
}
