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
import com.palantir.javapoet.WildcardTypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Writes the entry class ({@code Users}): a path constant per field, {@code MODEL}, the builders'
 * factories, and the finders of the key and of each unique or indexed field.
 */
final class EntryWriter {
  /** The field in {@code Definition} of {@code all()}'s shape key. */
  private static final String SHAPE_ALL = "SHAPE_ALL";

  private final ModelDescriptor model;

  private EntryWriter(ModelDescriptor model) {
    this.model = model;
  }

  /** The entry class of {@code model}. */
  static TypeSpec write(ModelDescriptor model) {
    return new EntryWriter(model).type();
  }

  private TypeSpec type() {
    TypeSpec.Builder type = TypeSpec.classBuilder(model.entry())
        .addJavadoc("The entry point of model {@link $T}: its field paths, its definition, and the"
            + " builders of\nits statements.\n", model.record())
        .addAnnotation(SourceFiles.generated())
        .addModifiers(PUBLIC, FINAL);
    // Paths in record component order: data fields and relations interleaved as declared.
    Map<Integer, FieldSpec> paths = new TreeMap<>();
    model.ownFields().forEach(f -> paths.put(f.component(), path(f)));
    model.embedded().forEach(e -> paths.put(e.component(), EmbeddedPathsWriter.constant(model, e)));
    model.sealed().forEach(s -> paths.put(s.component(), SealedPathsWriter.constant(model, s)));
    model.relations().forEach(r -> paths.put(r.component(), relationPath(r)));
    paths.values().forEach(type::addField);
    type.addField(modelConstant())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(PRIVATE).build())
        .addMethod(create())
        .addMethod(createChecked())
        .addMethod(createMany())
        .addMethod(upsert())
        .addMethod(upsertMany())
        .addMethod(createAll())
        .addMethod(updateAll())
        .addMethod(deleteAll())
        .addMethod(all())
        .addMethod(filter());
    if (model.changes()) {
      type.addMethod(changes());
      type.addMethod(changesAfter());
    }
    model.finders().forEach(f -> type.addMethod(filterBy(f)));
    List<FinderDescriptor> unique = model.finders().stream().filter(FinderDescriptor::unique)
        .toList();
    unique.forEach(f -> type.addMethod(getBy(f)));
    unique.forEach(f -> type.addMethod(updateBy(f)));
    unique.forEach(f -> type.addMethod(deleteBy(f)));
    if (model.versionField().isPresent()) {
      type.addMethod(versionFilter())
          .addMethod(updateAtVersion(model.finders().get(0)))
          .addMethod(deleteAtVersion(model.finders().get(0)));
    }
    return type.addMethod(update())
        .addMethod(delete())
        .addMethod(keyFilter())
        .addTypes(EmbeddedPathsWriter.classes(model))
        .addTypes(SealedPathsWriter.classes(model))
        .addType(ModelDefWriter.write(model).toBuilder().addFields(shapeKeys()).build())
        .build();
  }

  /**
   * One {@code ShapeKey} per finder, kept in {@code Definition} (whose names cannot clash with
   * the entry class's field constants): {@code SHAPE_FILTER_BY_ID}.
   */
  private List<FieldSpec> shapeKeys() {
    List<FieldSpec> keys = new ArrayList<>();
    keys.add(shapeKey(SHAPE_ALL, model.name() + ".all"));
    for (FinderDescriptor f : model.finders()) {
      keys.add(shapeKey(shapeKey(f), model.name() + ".filter" + f.suffix()));
    }
    return keys;
  }

  private static FieldSpec shapeKey(String field, String name) {
    return FieldSpec.builder(ApiTypes.SHAPE_KEY, field, PRIVATE, STATIC, FINAL)
        .initializer("new $T($S)", ApiTypes.SHAPE_KEY, name)
        .build();
  }

  private static String shapeKey(FinderDescriptor finder) {
    return "SHAPE_" + Naming.upperSnakeCase("filter" + finder.suffix());
  }

  private FieldSpec path(FieldDescriptor f) {
    return path(model, f, PUBLIC, STATIC, FINAL);
  }

  /** The path of field {@code f}, a constant of the entry class or of an embedded paths class. */
  static FieldSpec path(ModelDescriptor model, FieldDescriptor f,
      Modifier... modifiers) {
    if (f.type().deferred()) {
      // Also an include: Users.all().include(Users.BIO) reads the field the query would skip.
      return FieldSpec.builder(ParameterizedTypeName.get(ApiTypes.DEFERRED_PATH, model.record(),
              f.type().pathArgument()), f.constant(), modifiers)
          .addJavadoc("Field {@code $L}, deferred: read when a query includes it.\n", f.name())
          .initializer("new $T<>($S, $L, $S, $L$L)", ApiTypes.DEFERRED_PATH, model.name(),
              f.index(), f.name(), ModelDefWriter.engineType(f.type()), enumClass(f))
          .build();
    }
    if (f.type().kind() == FieldKind.STRING) {
      // Strings get text matching (startsWith, contains, like).
      return FieldSpec.builder(ApiTypes.STRING_PATH, f.constant(), modifiers)
          .addJavadoc("Field {@code $L}.\n", f.name())
          .initializer("new $T($S, $L, $S$L)", ApiTypes.STRING_PATH, model.name(), f.index(),
              f.name(), wholeOnly(f))
          .build();
    }
    SealedDocument document = f.type().document();
    if (document != null) {
      // A JSON path that tags the document with the variant's discriminator, and tests it.
      return FieldSpec.builder(ParameterizedTypeName.get(ApiTypes.SEALED_JSON_PATH,
              f.type().type()), f.constant(), modifiers)
          .addJavadoc("Field {@code $L}, a sealed value stored as one JSON document.\n",
              f.name())
          .initializer("new $T<$T>($S, $L, $S, $L, $L, $L) {}", ApiTypes.SEALED_JSON_PATH,
              f.type().type(), model.name(), f.index(), f.name(), f.type().optional(),
              document.classes((ClassName) f.type().type()),
              document.literals())
          .build();
    }
    if (f.type().kind() == FieldKind.JSON) {
      // An anonymous subclass, so that the path knows the field's generic type at run time.
      return FieldSpec.builder(ParameterizedTypeName.get(ApiTypes.JSON_PATH, f.type().type()),
              f.constant(), modifiers)
          .addJavadoc("Field {@code $L}, a JSON document.\n", f.name())
          .initializer("new $T<$T>($S, $L, $S) {}", ApiTypes.JSON_PATH, f.type().type(),
              model.name(), f.index(), f.name())
          .build();
    }
    if (f.type().kind().isCollection()) {
      return FieldSpec.builder(ParameterizedTypeName.get(ApiTypes.COLLECTION_PATH, f.type().type(),
              f.type().itemOf().javaTypeOf().box()), f.constant(), modifiers)
          .addJavadoc("Field {@code $L}, a collection.\n", f.name())
          .initializer("new $T<>($S, $L, $S, $L)", ApiTypes.COLLECTION_PATH, model.name(),
              f.index(), f.name(), ModelDefWriter.engineType(f.type()))
          .build();
    }
    ClassName pathClass = f.type().kind().isNumeric() ? ApiTypes.NUMBER_PATH : ApiTypes.PATH;
    return FieldSpec.builder(ParameterizedTypeName.get(pathClass, f.type().pathArgument()),
            f.constant(), modifiers)
        .addJavadoc("Field {@code $L}.\n", f.name())
        .initializer("new $T<>($S, $L, $S, $L$L)", pathClass, model.name(), f.index(), f.name(),
            ModelDefWriter.engineType(f.type()), f.type().kind() == FieldKind.ENUM
                ? CodeBlock.of(", $S$L", f.wholeOnly(), enumClass(f)) : wholeOnly(f))
        .build();
  }

  /** {@code , "work"}: the Optional embedded field a field lies in, which is set whole. */
  private static CodeBlock wholeOnly(FieldDescriptor f) {
    return f.wholeOnly() == null ? CodeBlock.of("") : CodeBlock.of(", $S", f.wholeOnly());
  }

  /** {@code , Status.class}: an enum field's class, which its path reads constants of. */
  private static CodeBlock enumClass(FieldDescriptor f) {
    return f.type().kind() == FieldKind.ENUM
        ? CodeBlock.of(", $T.class", f.type().enumOf().type()) : CodeBlock.of("");
  }

  /** {@code HasManyPath<User, Post> POSTS}: a relation's path, indexed after the data fields. */
  private FieldSpec relationPath(RelationDescriptor r) {
    return relationPath(model.name(), model.record(), model.fields().size(), r);
  }

  /**
   * The path of relation {@code r} of model {@code name} (whose schema has {@code width} data
   * fields), typed by the record {@code record} whose queries include it.
   */
  static FieldSpec relationPath(String name, ClassName record, int width, RelationDescriptor r) {
    return FieldSpec.builder(ParameterizedTypeName.get(r.pathClass(), record, r.target()),
            r.constant(), PUBLIC, STATIC, FINAL)
        .addJavadoc("Relation {@code $L} ($L {@link $T}).\n", r.name(),
            r.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'), r.target())
        .initializer("new $T<>($S, $L, $S, $S)", r.pathClass(), name, width + r.index(),
            r.name(), r.targetName())
        .build();
  }

  private FieldSpec modelConstant() {
    return FieldSpec.builder(ParameterizedTypeName.get(ApiTypes.MODEL_DEF, model.record()),
            "MODEL", PUBLIC, STATIC, FINAL)
        .addJavadoc("The model's definition, to register with a {@code Db}.\n")
        .initializer("new $N()", ModelDefWriter.CLASS_NAME)
        .build();
  }

  private MethodSpec create() {
    return method("create", model.createClass())
        .addJavadoc("A builder of a new record.\n")
        .addStatement("return new $T()", model.createClass())
        .build();
  }

  private MethodSpec createChecked() {
    return method("createChecked", CreateStages.first(model))
        .addJavadoc("A builder of a new record that must set every required field before it can"
            + " run, checked by the compiler:\n<pre>{@code\n$L.createChecked()$L.exec(db)\n}"
            + "</pre>\nEach required field's setter (or its belongs-to relation's) comes in field"
            + " order; then the\nbuilder's other setters.\n", model.entry().simpleName(),
            CreateStages.required(model).stream().map(f -> "." + f.name() + "(..)")
                .collect(Collectors.joining()))
        .addStatement("return new $T()", model.createClass())
        .build();
  }

  private MethodSpec createMany() {
    return method("createMany", ParameterizedTypeName.get(ApiTypes.INSERT, model.record()))
        .addJavadoc("An insert of the records the builders hold, in one statement.\n")
        .addParameter(ParameterizedTypeName.get(ApiTypes.COLLECTION, model.createClass()),
            "creates")
        .addStatement("return $T.of(MODEL, creates)", ApiTypes.INSERT)
        .build();
  }

  private MethodSpec upsert() {
    return method("upsert", model.upsertClass())
        .addJavadoc("A builder of a record to create, or to update where its conflict target"
            + " (by default the\nprimary key) is taken; see\n"
            + "{@code io.toasty.generated.AbstractUpsert}.\n")
        .addStatement("return new $T()", model.upsertClass())
        .build();
  }

  private MethodSpec upsertMany() {
    TypeName update = ParameterizedTypeName.get(model.updateClass(),
        ClassName.get("java.lang", "Long"));
    return method("upsertMany", ParameterizedTypeName.get(ApiTypes.UPSERT_MANY, model.record(),
            update))
        .addJavadoc("An upsert of the records the builders hold, in one statement; see"
            + " {@code io.toasty.UpsertMany}.\n")
        .addParameter(ParameterizedTypeName.get(ApiTypes.COLLECTION, model.createClass()),
            "creates")
        // Spelled out: naming the statement Expr would make JavaPoet import it over the public
        // io.toasty.Expr that filter(..) takes.
        .addStatement("return new $T<>(MODEL, creates,\n() -> new $T<>($L.TRUE, $T.count()))",
            ApiTypes.UPSERT_MANY, model.updateClass(), ApiTypes.STMT_EXPR.canonicalName(),
            ApiTypes.UPDATE_RESULT)
        .build();
  }

  private MethodSpec createAll() {
    return method("createAll", ParameterizedTypeName.get(ApiTypes.BULK, model.record()))
        .addJavadoc("A stream of creates of any length, a chunk of records per insert.\n")
        .addParameter(ParameterizedTypeName.get(ApiTypes.PUBLISHER,
            WildcardTypeName.subtypeOf(model.createClass())), "creates")
        .addStatement("return $T.createAll(MODEL, creates)", ApiTypes.BULK)
        .build();
  }

  /** {@code <R> Bulk<R> updateAll(Publisher<? extends UserUpdate<R>>)}: a batch per chunk. */
  private MethodSpec updateAll() {
    TypeVariableName result = TypeVariableName.get("R");
    return method("updateAll", ParameterizedTypeName.get(ApiTypes.BULK, result))
        .addTypeVariable(result)
        .addJavadoc("A stream of updates of any length, each of one record by its key ({@code"
            + " updateById(..)},\n{@code update(record)}), a chunk of them per batch; the"
            + " result is each update's, in order.\n")
        .addParameter(ParameterizedTypeName.get(ApiTypes.PUBLISHER,
            WildcardTypeName.subtypeOf(updateOf(result))), "updates")
        .addStatement("return $T.execAll(updates)", ApiTypes.BULK)
        .build();
  }

  /** {@code Bulk<Long> deleteAll(Publisher<? extends Delete<User>>)}: a batch per chunk. */
  private MethodSpec deleteAll() {
    return method("deleteAll",
            ParameterizedTypeName.get(ApiTypes.BULK, ClassName.get(Long.class)))
        .addJavadoc("A stream of deletes of any length, each of one record by its key ({@code"
            + " deleteById(..)},\n{@code delete(record)}), a chunk of them per batch; the"
            + " result is each delete's count, in order.\n")
        .addParameter(ParameterizedTypeName.get(ApiTypes.PUBLISHER,
            WildcardTypeName.subtypeOf(ParameterizedTypeName.get(ApiTypes.DELETE,
                model.record()))), "deletes")
        .addStatement("return $T.execAll(deletes)", ApiTypes.BULK)
        .build();
  }

  private MethodSpec all() {
    return method("all", model.queryClass())
        .addJavadoc("A query of all records.\n")
        // under the model's own shape key, as a finder's: every all() is the same query, so a
        // Db reuses its plan without looking the statement up; a filter, an order or any other
        // change but a limit drops the key (AbstractSelect.with)
        .addStatement("return new $T($T.all(MODEL.name()), $L.$N)", model.queryClass(),
            ApiTypes.QUERY, ModelDefWriter.CLASS_NAME, SHAPE_ALL)
        .build();
  }

  /** {@code changes(db)}: the model's change stream ({@code @Model(changes = true)}). */
  private MethodSpec changes() {
    return method("changes", ParameterizedTypeName.get(ApiTypes.FLUX,
            ParameterizedTypeName.get(ApiTypes.CHANGE, model.record())))
        .addJavadoc("The committed changes of the records as they happen: {@code db.changes(MODEL)}"
            + " (see {@code Db.changes}).\n")
        .addParameter(ApiTypes.EXECUTOR, "db")
        .addStatement("return db.changes(MODEL)")
        .build();
  }

  /** {@code changesAfter(db, token)}: the change stream resumed after a change's token. */
  private MethodSpec changesAfter() {
    return method("changesAfter", ParameterizedTypeName.get(ApiTypes.FLUX,
            ParameterizedTypeName.get(ApiTypes.CHANGE, model.record())))
        .addJavadoc("The committed changes after the one whose resume token is {@code token},"
            + " then the live ones: {@code db.changesAfter(MODEL, token)} (see"
            + " {@code Db.changesAfter}).\n")
        .addParameter(ApiTypes.EXECUTOR, "db")
        .addParameter(String.class, "token")
        .addStatement("return db.changesAfter(MODEL, token)")
        .build();
  }

  private MethodSpec filter() {
    return method("filter", model.queryClass())
        .addJavadoc("A query of the records matching {@code condition}.\n")
        .addParameter(ParameterizedTypeName.get(ApiTypes.EXPR, ClassName.get(Boolean.class)),
            "condition")
        .addStatement("return all().filter(condition)")
        .build();
  }

  private MethodSpec filterBy(FinderDescriptor finder) {
    return finderMethod("filter", finder, model.queryClass())
        .addJavadoc("A query of the records with the given $L.\n", describe(finder))
        // the query of filter(..), under the finder's shape key: every query built here has
        // the same shape, so a Db reuses its plan without looking the statement up
        .addStatement("return new $T(filter($L).untyped(), $L.$N)", model.queryClass(),
            condition(finder.fields(), EntryWriter::argument), ModelDefWriter.CLASS_NAME,
            shapeKey(finder))
        .build();
  }

  private MethodSpec getBy(FinderDescriptor finder) {
    String db = executorName(finder);
    MethodSpec.Builder method = method("get" + finder.suffix(),
        ParameterizedTypeName.get(ApiTypes.MONO, model.record()))
        .addJavadoc("The record with the given $L; a {@code RecordNotFoundException} if there is"
            + " none.\n", describe(finder))
        .addParameter(ApiTypes.EXECUTOR, db);
    return parameters(method, finder)
        .addStatement("return filter$L($L).get($N)", finder.suffix(), arguments(finder), db)
        .build();
  }

  private MethodSpec updateBy(FinderDescriptor finder) {
    return finderMethod("update", finder, updateOf(ClassName.get(Long.class)))
        .addJavadoc("An update of the record with the given $L, resulting in the number of records"
            + " updated.\n", describe(finder))
        .addStatement("return filter$L($L).update()", finder.suffix(), arguments(finder))
        .build();
  }

  private MethodSpec deleteBy(FinderDescriptor finder) {
    return finderMethod("delete", finder, ParameterizedTypeName.get(ApiTypes.DELETE,
            model.record()))
        .addJavadoc("A delete of the record with the given $L.\n", describe(finder))
        .addStatement("return filter$L($L).delete()", finder.suffix(), arguments(finder))
        .build();
  }

  private MethodSpec update() {
    if (model.versionField().isPresent()) {
      return method("update", updateOf(model.record()))
          .addJavadoc("An update of {@code record}, found by its key and checked by its version,"
              + " resulting in the\nrecord as stored after the update; {@code"
              + " StaleRecordException} if the stored\nversion moved on.\n")
          .addParameter(model.record(), "record")
          .addStatement("return new $T<>(versionFilter(record).node(), $T.current())",
              model.updateClass(), ApiTypes.UPDATE_RESULT)
          .build();
    }
    return method("update", updateOf(model.record()))
        .addJavadoc("An update of {@code record}, found by its key, resulting in the record as"
            + " stored after the\nupdate.\n")
        .addParameter(model.record(), "record")
        .addStatement("return new $T<>(keyFilter(record).node(), $T.record())",
            model.updateClass(), ApiTypes.UPDATE_RESULT)
        .build();
  }

  private MethodSpec delete() {
    if (model.versionField().isPresent()) {
      return method("delete", ParameterizedTypeName.get(ApiTypes.DELETE, model.record()))
          .addJavadoc("A delete of {@code record}, found by its key and checked by its version;"
              + " {@code\nStaleRecordException} if the stored version moved on.\n")
          .addParameter(model.record(), "record")
          .addStatement("return filter(versionFilter(record)).delete().staleIfNone()")
          .build();
    }
    return method("delete", ParameterizedTypeName.get(ApiTypes.DELETE, model.record()))
        .addJavadoc("A delete of {@code record}, found by its key.\n")
        .addParameter(model.record(), "record")
        .addStatement("return filter(keyFilter(record)).delete()")
        .build();
  }

  /**
   * {@code updateByIdAtVersion(id, expectedVersion)}: an update of the record with the key if its
   * stored version is still the one given (a version an HTTP client read), in one conditional
   * statement.
   */
  private MethodSpec updateAtVersion(FinderDescriptor key) {
    FieldDescriptor v = model.versionField().orElseThrow();
    Names names = new Names(key);
    return atVersion("update", key, updateOf(model.record()), names)
        .addJavadoc("An update of the record with the given $L if its stored version is still"
            + " {@code $N}\n(the version a client read), resulting in the record as stored after"
            + " the update. One\nconditional statement; when it matches nothing, a {@code"
            + " RecordNotFoundException} if no\nrecord has the key, a {@code"
            + " StaleRecordException} naming the stored version if it has another.\n",
            describe(key), names.version)
        .addStatement("return new $T<>($T.all($T.of($N, $N.eq($N))).node(),\n$T.atVersion($N, $N,"
            + " $N))", model.updateClass(), ApiTypes.CONDITION, ApiTypes.LIST, names.key,
            v.constant(), names.version, ApiTypes.UPDATE_RESULT, names.key, v.constant(),
            names.version)
        .build();
  }

  /** {@code deleteByIdAtVersion(id, expectedVersion)}: a delete at the version a caller read. */
  private MethodSpec deleteAtVersion(FinderDescriptor key) {
    FieldDescriptor v = model.versionField().orElseThrow();
    Names names = new Names(key);
    return atVersion("delete", key, ParameterizedTypeName.get(ApiTypes.DELETE, model.record()),
            names)
        .addJavadoc("A delete of the record with the given $L if its stored version is still"
            + " {@code $N}, resulting in\n1. One conditional statement; when it matches nothing,"
            + " a {@code RecordNotFoundException}\nif no record has the key, a {@code"
            + " StaleRecordException} naming the stored version if it has\nanother.\n",
            describe(key), names.version)
        .addStatement("return filter($T.all($T.of($N, $N.eq($N)))).delete().atVersion($N, $N,"
            + " $N)", ApiTypes.CONDITION, ApiTypes.LIST, names.key, v.constant(), names.version,
            names.key, v.constant(), names.version)
        .build();
  }

  /** {@code <verb>ByIdAtVersion(key.., version)}, its key condition in a local variable. */
  private MethodSpec.Builder atVersion(String verb, FinderDescriptor key, TypeName returns,
      Names names) {
    FieldDescriptor v = model.versionField().orElseThrow();
    return parameters(method(verb + key.suffix() + "AtVersion", returns), key)
        .addParameter(v.type().type(), names.version)
        .addStatement("$T $N = $L", ApiTypes.CONDITION, names.key,
            condition(key.fields(), EntryWriter::argument));
  }

  /** The names of an at-version method's version parameter and key variable, clear of the key's. */
  private static final class Names {
    final String version;
    final String key;

    Names(FinderDescriptor finder) {
      this.version = free(finder, "expectedVersion");
      this.key = free(finder, "key");
    }

    private static String free(FinderDescriptor finder, String name) {
      String out = name;
      while (isFieldName(finder, out)) {
        out += "_";
      }
      return out;
    }
  }

  /** {@code keyFilter(record)} and the version {@code record} was read at. */
  private MethodSpec versionFilter() {
    FieldDescriptor v = model.versionField().orElseThrow();
    return MethodSpec.methodBuilder("versionFilter")
        .addModifiers(PRIVATE, STATIC)
        .returns(ApiTypes.CONDITION)
        .addParameter(model.record(), "record")
        .addStatement("return $T.all($T.of(keyFilter(record), $N.eq(record.$N())))",
            ApiTypes.CONDITION, ApiTypes.LIST, v.constant(), v.name())
        .build();
  }

  private MethodSpec keyFilter() {
    return MethodSpec.methodBuilder("keyFilter")
        .addModifiers(PRIVATE, STATIC)
        .returns(ApiTypes.CONDITION)
        .addParameter(model.record(), "record")
        .addStatement("$T.requireNonNull(record, $S)", ApiTypes.OBJECTS, "record")
        .addStatement("return $L", condition(model.keyFields(),
            f -> KeyParameters.value(f,
                CodeBlock.of("record.$N()", KeyParameters.component(f)))))
        .build();
  }

  /**
   * {@code ID.eq(id)}, or for several fields {@code Condition.all(List.of(A.eq(a), ...))}; a leaf
   * of an embedded key record through its record's paths ({@code ID.ORDER_ID.eq(..)}).
   */
  private CodeBlock condition(List<FieldDescriptor> fields,
      Function<FieldDescriptor, CodeBlock> value) {
    if (fields.size() == 1) {
      return CodeBlock.of("$L.eq($L)", KeyParameters.path(model, fields.get(0)),
          value.apply(fields.get(0)));
    }
    CodeBlock terms = fields.stream()
        .map(f -> CodeBlock.of("$L.eq($L)", KeyParameters.path(model, f), value.apply(f)))
        .collect(CodeBlock.joining(",\n"));
    return CodeBlock.of("$T.all($T.of(\n$L))", ApiTypes.CONDITION, ApiTypes.LIST, terms);
  }

  /**
   * A finder parameter as an argument: checked for null, since a null would match nothing; a
   * leaf of an embedded key record read from the record ({@code id.orderId()}).
   */
  private static CodeBlock argument(FieldDescriptor f) {
    String root = KeyParameters.component(f);
    CodeBlock java = f.embedded() ? KeyParameters.value(f, CodeBlock.of("$T.requireNonNull($N, $S)",
        ApiTypes.OBJECTS, root, root)) : CodeBlock.of("$N", f.name());
    return f.type().isPrimitive() ? java
        : CodeBlock.of("$T.requireNonNull($L, $S)", ApiTypes.OBJECTS, java, f.name());
  }

  private static CodeBlock arguments(FinderDescriptor finder) {
    return KeyParameters.arguments(finder);
  }

  private MethodSpec.Builder finderMethod(String verb, FinderDescriptor finder, TypeName returns) {
    return parameters(method(verb + finder.suffix(), returns), finder);
  }

  private static MethodSpec.Builder parameters(MethodSpec.Builder method,
      FinderDescriptor finder) {
    return KeyParameters.addParameters(method, finder);
  }

  /**
   * The name of a {@code getBy} method's executor parameter: {@code db}, with {@code _} appended
   * while a finder field has that name.
   */
  private static String executorName(FinderDescriptor finder) {
    String name = "db";
    while (isFieldName(finder, name)) {
      name += "_";
    }
    return name;
  }

  private static boolean isFieldName(FinderDescriptor finder, String name) {
    return finder.parameters().stream().anyMatch(p -> p.name().equals(name));
  }

  private static String describe(FinderDescriptor finder) {
    return finder.parameters().stream().map(p -> "{@code " + p.name() + "}")
        .collect(Collectors.joining(" and "));
  }

  private TypeName updateOf(TypeName result) {
    return ParameterizedTypeName.get(model.updateClass(), result);
  }

  private static MethodSpec.Builder method(String name, TypeName returns) {
    return MethodSpec.methodBuilder(name).addModifiers(PUBLIC, STATIC).returns(returns);
  }
}
