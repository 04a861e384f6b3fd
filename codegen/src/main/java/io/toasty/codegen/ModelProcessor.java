package io.toasty.codegen;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import io.toasty.annotations.Model;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * The annotation processor for {@code @Model} records. For a record {@code User} it writes, in the
 * record's package, the entry class {@code Users} and the builders {@code UserQuery},
 * {@code UserCreate} and {@code UserUpdate}; the generated code uses no reflection. After the last
 * round it lists the compilation's entry classes in {@code META-INF/toasty/models}
 * ({@link ModelIndexWriter}). With {@code @Model(repository = true)} it also writes
 * {@code UserRepository} ({@link RepositoryWriter}), listed in {@code META-INF/toasty/repositories}.
 *
 * <p>Each record is first read into an immutable {@link ModelDescriptor}, reporting every error at
 * the element it concerns; nothing is written for a record with errors, and the other records are
 * still processed. A record whose field types are not resolved yet (types that another processor
 * generates) is retried in the next round.
 *
 * <p>It is registered in {@code META-INF/services}, so that putting {@code toasty-codegen} on the
 * compile class path (scope {@code provided}) runs it.
 */
public final class ModelProcessor extends AbstractProcessor {
  private final Set<String> deferred = new LinkedHashSet<>();
  private final ModelIndexWriter index = new ModelIndexWriter(ModelIndexWriter.RESOURCE);
  private final ModelIndexWriter repositories =
      new ModelIndexWriter(ModelIndexWriter.REPOSITORIES);
  // set by init(ProcessingEnvironment), which the compiler calls before process(..)
  @SuppressWarnings("NullAway.Init")
  private ErrorReporter errors;
  @SuppressWarnings("NullAway.Init")
  private ModelParser parser;
  @SuppressWarnings("NullAway.Init")
  private PolymorphicProcessing polymorphic;

  /** Called by the compiler's service loader. */
  public ModelProcessor() {}

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    errors = new ErrorReporter(env.getMessager());
    parser = new ModelParser(new TypeMapper(env.getElementUtils()), errors);
    polymorphic = new PolymorphicProcessing(env, errors, parser, index);
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(Model.class.getName());
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    List<TypeElement> types = takeDeferred();
    for (Element e : round.getElementsAnnotatedWith(Model.class)) {
      types.add((TypeElement) e);
    }
    for (TypeElement type : types) {
      if (ModelParser.hasUnresolvedTypes(type)) {
        deferred.add(type.getQualifiedName().toString());
      } else {
        process(type);
      }
    }
    if (round.processingOver()) {
      reportUnresolved();
      index.write(processingEnv.getFiler(), processingEnv.getMessager());
      repositories.write(processingEnv.getFiler(), processingEnv.getMessager());
    }
    return false;
  }

  private List<TypeElement> takeDeferred() {
    List<TypeElement> types = new ArrayList<>();
    for (String name : deferred) {
      Optional.ofNullable(processingEnv.getElementUtils().getTypeElement(name))
          .ifPresent(types::add);
    }
    deferred.clear();
    return types;
  }

  private void process(TypeElement type) {
    if (polymorphic.claims(type)) {
      return;
    }
    try {
      parser.parse(type).ifPresent(model -> write(model, type));
    } catch (RuntimeException e) {
      errors.processorFailed(type, e);
    }
  }

  private void write(ModelDescriptor model, TypeElement origin) {
    write(model, EntryWriter.write(model), origin);
    write(model, QueryWriter.write(model), origin);
    write(model, CreateWriter.write(model), origin);
    TypeSpec stages = CreateStages.holderType(model);
    if (stages != null) {
      write(model, stages, origin);
    }
    write(model, UpdateBuilderWriter.write(model), origin);
    write(model, UpsertWriter.write(model), origin);
    index.add(model.entry().packageName() + "." + model.entry().simpleName());
    if (origin.getAnnotation(Model.class).repository()) {
      write(model, RepositoryWriter.write(model), origin);
      repositories.add(model.repositoryClass().canonicalName());
    }
  }

  private void write(ModelDescriptor model, TypeSpec type, TypeElement origin) {
    JavaFile file = SourceFiles.javaFile(model,
        type.toBuilder().addOriginatingElement(origin).build());
    try {
      file.writeTo(processingEnv.getFiler());
    } catch (IOException e) {
      errors.error(origin, model.name() + ": cannot write " + model.entry().packageName() + "."
          + type.name() + ": " + e.getMessage());
    }
  }

  /** After the last round, a field type that never resolved is an error of its model. */
  private void reportUnresolved() {
    for (TypeElement type : takeDeferred()) {
      errors.error(type, type.getSimpleName()
          + ": not generated, because the type of a field could not be resolved");
    }
  }
}
