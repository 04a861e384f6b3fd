package io.toasty.codegen;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PUBLIC;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import java.util.List;

/**
 * Writes the model's create builder ({@code UserCreate}): a setter per field, named as the field;
 * an {@code Optional} field also gets a setter taking the {@code Optional}.
 */
final class CreateWriter {
  private CreateWriter() {}

  /** The create builder class of {@code model}. */
  static TypeSpec write(ModelDescriptor model) {
    ClassName create = model.createClass();
    TypeSpec.Builder type = TypeSpec.classBuilder(create)
        .addJavadoc("A builder of a new {@link $T}; see {@code io.toasty.Create}.\n",
            model.record())
        .addAnnotation(SourceFiles.generated())
        .addModifiers(PUBLIC, FINAL)
        .superclass(ParameterizedTypeName.get(ApiTypes.ABSTRACT_CREATE, model.record(), create))
        .addMethod(MethodSpec.constructorBuilder()
            .addStatement("super($T.MODEL)", model.entry())
            .build());
    for (FieldDescriptor f : model.ownFields()) {
      type.addMethod(Setters.value(model, f, create));
      if (f.type().optional()) {
        type.addMethod(Setters.optional(model, f, create));
      }
    }
    EmbeddedSetters.write(model, create).forEach(type::addMethod);
    SealedSetters.write(model, create).forEach(type::addMethod);
    for (RelationDescriptor r : model.relations()) {
      relationSetters(model, r, create).forEach(type::addMethod);
    }
    // The stages of Users.createChecked(): this builder is each of them.
    for (TypeSpec stage : CreateStages.write(model)) {
      type.addSuperinterface(CreateStages.holder(model).nestedClass(stage.name()));
    }
    return type.build();
  }

  /**
   * Nested creates and links: {@code posts(PostCreate...)} for a has-many,
   * {@code profile(ProfileCreate)} for a has-one ({@code courses(CourseCreate...)} for a
   * many-to-many: each created with a join record), {@code author(User)} (link to an existing
   * record) and {@code author(UserCreate)} (create it first) for a belongs-to.
   */
  private static List<MethodSpec> relationSetters(ModelDescriptor model,
      RelationDescriptor r, ClassName create) {
    if (!r.steps().isEmpty()) {
      return List.of(); // a multi-step via is read-only
    }
    MethodSpec.Builder nested = MethodSpec.methodBuilder(r.name())
        .addModifiers(PUBLIC)
        .returns(create);
    switch (r.kind()) {
      case HAS_MANY -> {
        if (r.hierarchy()) {
          // a generic varargs parameter (Create<? extends Event>...) is safe: only read
          // (and List.of, itself @SafeVarargs, takes the array on: lint's "varargs" warning)
          nested.addModifiers(FINAL).addAnnotation(SafeVarargs.class)
              .addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
                  .addMember("value", "$S", "varargs").build());
        }
        MethodSpec varargs = nested.varargs(true)
            .addJavadoc(r.through() == null
                ? CodeBlock.of("Creates these {@code $L} with the record,"
                    + " atomically; their foreign key is set to its key.\n", r.name())
                : CodeBlock.of("Creates these {@code $L} with the record,"
                    + " atomically, each linked to it by a new {@code $L} record.\n", r.name(),
                    r.through().model()))
            .addParameter(ArrayTypeName.of(r.createParameter()), r.name())
            .addStatement("return setRelated($T.$N, $T.of($N))", model.entry(), r.constant(),
                ApiTypes.LIST, r.name())
            .build();
        MethodSpec list = MethodSpec.methodBuilder(r.name())
            .addModifiers(PUBLIC)
            .returns(create)
            .addJavadoc("Creates these {@code $L} with the record, atomically.\n", r.name())
            .addParameter(ParameterizedTypeName.get(ApiTypes.COLLECTION,
                WildcardTypeName.subtypeOf(r.createParameter())), r.name())
            .addStatement("return setRelated($T.$N, $T.copyOf($N))", model.entry(),
                r.constant(), ApiTypes.LIST, r.name())
            .build();
        return List.of(varargs, list);
      }
      case HAS_ONE -> {
        return List.of(nested
            .addJavadoc("Creates the {@code $L} with the record, atomically.\n", r.name())
            .addParameter(r.createParameter(), r.name())
            .addStatement("return setRelated($T.$N, $T.of($N))", model.entry(), r.constant(),
                ApiTypes.LIST, r.name())
            .build());
      }
      default -> {
        MethodSpec link = MethodSpec.methodBuilder(r.name())
            .addModifiers(PUBLIC)
            .returns(create)
            .addJavadoc("Links the record to an existing {@code $L}: sets the foreign key.\n",
                r.name())
            .addParameter(r.target(), r.name())
            .addStatement("return setParent($T.$N, $T.$N.values($T.requireNonNull($N, $S)))",
                model.entry(), r.constant(), r.targetEntry(), r.definition(), ApiTypes.OBJECTS,
                r.name(), r.name())
            .build();
        MethodSpec create1 = nested
            .addJavadoc("Creates the {@code $L} first, in the same statement, and links the"
                + " record to it.\n", r.name())
            .addParameter(r.createParameter(), r.name())
            .addStatement("return setRelated($T.$N, $T.of($N))", model.entry(), r.constant(),
                ApiTypes.LIST, r.name())
            .build();
        return List.of(link, create1);
      }
    }
  }
}
