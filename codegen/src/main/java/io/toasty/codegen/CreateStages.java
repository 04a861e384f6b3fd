package io.toasty.codegen;

import static javax.lang.model.element.Modifier.ABSTRACT;
import static javax.lang.model.element.Modifier.PUBLIC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.toasty.schema.app.RelationSchema;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;
import org.jspecify.annotations.Nullable;

/**
 * The stages of a create checked at compile time ({@code Users.createChecked()}): one interface
 * per required field ({@code UserCreateStages.NeedsEmail}), in field order, whose only methods set that
 * field and return the next stage; the last returns the builder itself. The builder implements
 * every stage (its setters return it, a subtype of each next stage), so a chain that skips a
 * required field cannot reach {@code exec}: javac reports the missing method on
 * {@code UserCreate.NeedsEmail}, naming the field.
 */
final class CreateStages {
  private CreateStages() {}

  /**
   * The fields a create must set: not {@code Optional}, not generated, no default. Fields of
   * embedded records are checked when the create runs.
   */
  static List<FieldDescriptor> required(ModelDescriptor model) {
    return model.ownFields().stream()
        .filter(f -> !f.nullable() && f.auto() == null && f.defaultValue() == null)
        .toList();
  }

  /** {@code UserCreateStages}: the class holding the stages (javac forbids a class to implement
   * an interface nested in itself). */
  static ClassName holder(ModelDescriptor model) {
    return model.createClass().peerClass(model.createClass().simpleName() + "Stages");
  }

  /** {@code UserCreateStages.NeedsEmail}: the stage that sets {@code field}. */
  static ClassName stage(ModelDescriptor model, FieldDescriptor field) {
    return holder(model).nestedClass("Needs" + Character.toUpperCase(field.name().charAt(0))
        + field.name().substring(1));
  }

  /** The type {@code createChecked()} returns: the first stage, or the builder when none. */
  static TypeName first(ModelDescriptor model) {
    List<FieldDescriptor> required = required(model);
    return required.isEmpty() ? model.createClass() : stage(model, required.get(0));
  }

  /** {@code UserCreateStages}, holding the stage interfaces; null when no field is required. */
  static @Nullable TypeSpec holderType(ModelDescriptor model) {
    List<TypeSpec> stages = write(model);
    if (stages.isEmpty()) {
      return null;
    }
    TypeSpec.Builder holder = TypeSpec.classBuilder(holder(model))
        .addJavadoc("The stages of {@code $L.createChecked()}: one per required field of {@link $T}"
            + ", in field order.\n", model.entry().simpleName(), model.record())
        .addAnnotation(SourceFiles.generated())
        .addModifiers(PUBLIC, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PRIVATE).build());
    stages.forEach(holder::addType);
    return holder.build();
  }

  /** The stage interfaces of {@code model}'s builder. */
  static List<TypeSpec> write(ModelDescriptor model) {
    List<FieldDescriptor> required = required(model);
    List<TypeSpec> out = new ArrayList<>();
    for (int i = 0; i < required.size(); i++) {
      FieldDescriptor f = required.get(i);
      TypeName next = i + 1 < required.size() ? stage(model, required.get(i + 1))
          : model.createClass();
      TypeSpec.Builder stage = TypeSpec.interfaceBuilder(stage(model, f))
          .addModifiers(PUBLIC, Modifier.STATIC)
          .addJavadoc("A create of {@link $T} that has yet to set the required field {@code $L}"
              + ".\n", model.record(), f.name())
          .addMethod(abstractSetter(f.name(), f.type().value(), f.name(), next,
              "Sets {@code " + f.name() + "}."));
      for (RelationDescriptor r : model.relations()) {
        if (r.kind() == RelationSchema.Kind.BELONGS_TO
            && r.sourceFields().equals(List.of(f.index()))) {
          stage.addMethod(abstractSetter(r.name(), r.target(), r.name(), next,
              "Links the record to an existing {@code " + r.name() + "}."));
          stage.addMethod(abstractSetter(r.name(), r.createParameter(), r.name(), next,
              "Creates the {@code " + r.name() + "} first and links the record to it."));
        }
      }
      out.add(stage.build());
    }
    return out;
  }

  private static MethodSpec abstractSetter(String name, TypeName param, String paramName,
      TypeName returns, String doc) {
    return MethodSpec.methodBuilder(name)
        .addModifiers(PUBLIC, ABSTRACT)
        .addJavadoc(doc + "\n")
        .addParameter(param, paramName)
        .returns(returns)
        .build();
  }
}
