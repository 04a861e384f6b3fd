package io.toasty.codegen;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PROTECTED;
import static javax.lang.model.element.Modifier.PUBLIC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.List;

/**
 * Writes {@code UserRepository} for {@code @Model(repository = true)}: a class (not final, so
 * that an application can extend it) holding an {@code Executor}, with {@code findById},
 * {@code findAll(page, size)} (by offset, ordered by the key), the keyset pages
 * {@code findAll(size)}, {@code findAll(size, after)} and {@code findAllBefore(size, before)}
 * (cursor pages in key order, {@code Mono<Page<User>>}), {@code save(UserCreate)},
 * {@code deleteById}, {@code stream(condition)} and {@code count()}. Every method defers to the
 * entry class inside {@code defer}, so that a bad argument is an error signal, never a throw.
 */
final class RepositoryWriter {
  private final ModelDescriptor model;

  private RepositoryWriter(ModelDescriptor model) {
    this.model = model;
  }

  static TypeSpec write(ModelDescriptor model) {
    return new RepositoryWriter(model).type();
  }

  private TypeSpec type() {
    return TypeSpec.classBuilder(model.repositoryClass())
        .addModifiers(PUBLIC)
        .addAnnotation(SourceFiles.generated())
        .addJavadoc("The repository of {@link $T}: its records through an {@code Executor}"
            + " (a {@code Db}, or a\ntransaction), each method returning a {@code Mono} or"
            + " {@code Flux}. Extend it to add methods.\n", model.record())
        .addField(ApiTypes.EXECUTOR, "db", PRIVATE, FINAL)
        .addMethod(constructor())
        .addMethod(db())
        .addMethod(findById())
        .addMethod(findAll())
        .addMethod(firstPage())
        .addMethod(pageAfter())
        .addMethod(pageBefore())
        .addMethod(pages())
        .addMethod(save())
        .addMethod(deleteById())
        .addMethod(stream())
        .addMethod(count())
        .build();
  }

  private MethodSpec constructor() {
    return MethodSpec.constructorBuilder().addModifiers(PUBLIC)
        .addJavadoc("A repository on {@code db}.\n")
        .addParameter(ApiTypes.EXECUTOR, "db")
        .addStatement("this.db = $T.requireNonNull(db, $S)", ApiTypes.OBJECTS, "db")
        .build();
  }

  private MethodSpec db() {
    return MethodSpec.methodBuilder("db").addModifiers(PROTECTED).returns(ApiTypes.EXECUTOR)
        .addJavadoc("The executor, for methods a subclass adds.\n")
        .addStatement("return db")
        .build();
  }

  private MethodSpec findById() {
    FinderDescriptor key = model.finders().get(0);
    MethodSpec.Builder method = KeyParameters.addParameters(method("findById",
        mono(model.record())).addJavadoc("The record with this key, or empty.\n"), key);
    CodeBlock args = KeyParameters.arguments(key);
    return method.addStatement("return $T.defer(() -> $T.filter$L($L).first(this.db))", ApiTypes.MONO,
        model.entry(), model.finders().get(0).suffix(), args).build();
  }

  private MethodSpec findAll() {
    return method("findAll", flux(model.record()))
        .addJavadoc("Page {@code page} (from 0) of {@code size} records, in key order.\n")
        .addParameter(TypeName.LONG, "page")
        .addParameter(TypeName.INT, "size")
        .beginControlFlow("if (page < 0 || size < 1)")
        .addStatement("return $T.error(new $T($S + page + $S + size))", ApiTypes.FLUX,
            IllegalArgumentException.class, "page must be at least 0 and size at least 1, were ",
            " and ")
        .endControlFlow()
        .addStatement("return $T.all().orderBy($L).offset(page * size).limit(size).stream(db)",
            model.entry(), keyOrder())
        .build();
  }

  private MethodSpec firstPage() {
    return method("findAll", mono(page()))
        .addJavadoc("The first keyset page of {@code size} records in key order; its"
            + " {@code next()} cursor leads to\n{@link #findAll(int, String)}.\n")
        .addParameter(TypeName.INT, "size")
        .addStatement("return findAll(size, null)")
        .build();
  }

  private MethodSpec pageAfter() {
    return method("findAll", mono(page()))
        .addJavadoc("The keyset page of {@code size} records that follows the record {@code after}"
            + " points at\n(a {@code Page.next()} cursor of an earlier page), in key order;"
            + " {@code null} for the first\npage. A cursor that was altered or made by another"
            + " query is an\n{@code InvalidCursorException} signal.\n")
        .addParameter(TypeName.INT, "size")
        .addParameter(String.class, "after")
        .addStatement("return $T.defer(() -> pages(size).after(after).collect(db))", ApiTypes.MONO)
        .build();
  }

  private MethodSpec pageBefore() {
    return method("findAllBefore", mono(page()))
        .addJavadoc("The keyset page of {@code size} records that precedes the record"
            + " {@code before} points at\n(a {@code Page.previous()} cursor), still in key order;"
            + " {@code null} for the first page.\n")
        .addParameter(TypeName.INT, "size")
        .addParameter(String.class, "before")
        .addStatement("return $T.defer(() -> pages(size).before(before).collect(db))",
            ApiTypes.MONO)
        .build();
  }

  /** Every cursor method pages the same query, so that each accepts the others' cursors. */
  private MethodSpec pages() {
    return MethodSpec.methodBuilder("pages").addModifiers(PRIVATE)
        .returns(ParameterizedTypeName.get(ApiTypes.PAGE_QUERY, model.record()))
        .addParameter(TypeName.INT, "size")
        .addStatement("return $T.all().orderBy($L).paginate(size)", model.entry(), keyOrder())
        .build();
  }

  private CodeBlock keyOrder() {
    return model.keyFields().stream()
        .map(f -> CodeBlock.of("$T.$L.asc()", model.entry(), KeyParameters.path(model, f)))
        .collect(CodeBlock.joining(", "));
  }

  private TypeName page() {
    return ParameterizedTypeName.get(ApiTypes.PAGE, model.record());
  }

  private MethodSpec save() {
    return method("save", mono(model.record()))
        .addJavadoc("Inserts the record {@code create} describes, and emits it as stored.\n")
        .addParameter(model.createClass(), "create")
        .addStatement("return $T.defer(() -> create.exec(db))", ApiTypes.MONO)
        .build();
  }

  private MethodSpec deleteById() {
    MethodSpec.Builder method = method("deleteById", mono(ClassName.get(Long.class)))
        .addJavadoc("Deletes the record with this key; emits how many were deleted (0 or 1).\n");
    KeyParameters.addParameters(method, model.finders().get(0));
    CodeBlock args = KeyParameters.arguments(model.finders().get(0));
    return method.addStatement("return $T.defer(() -> $T.delete$L($L).exec(this.db))", ApiTypes.MONO,
        model.entry(), model.finders().get(0).suffix(), args).build();
  }

  private MethodSpec stream() {
    return method("stream", flux(model.record()))
        .addJavadoc("The records matching {@code condition}, as the database produces them.\n")
        .addParameter(ParameterizedTypeName.get(ApiTypes.EXPR, ClassName.get(Boolean.class)),
            "condition")
        .addStatement("return $T.defer(() -> $T.filter(condition).stream(db))", ApiTypes.FLUX,
            model.entry())
        .build();
  }

  private MethodSpec count() {
    return method("count", mono(ClassName.get(Long.class)))
        .addJavadoc("How many records there are, counted by the database without reading"
            + " them.\n")
        .addStatement("return $T.all().count(db)", model.entry())
        .build();
  }

  private static MethodSpec.Builder method(String name, TypeName returns) {
    return MethodSpec.methodBuilder(name).addModifiers(PUBLIC).returns(returns);
  }

  private static TypeName mono(TypeName of) {
    return ParameterizedTypeName.get(ApiTypes.MONO, of);
  }

  private static TypeName flux(TypeName of) {
    return ParameterizedTypeName.get(ApiTypes.FLUX, of);
  }
}
