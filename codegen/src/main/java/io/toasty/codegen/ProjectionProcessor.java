package io.toasty.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import io.toasty.annotations.Model;
import io.toasty.annotations.Projection;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.MirroredTypeException;
import javax.lang.model.type.TypeMirror;
import org.jspecify.annotations.Nullable;

/**
 * The annotation processor for {@code @Projection(Model.class)} records: checks each component
 * against the model's record components (same name, same type) and writes, for a record
 * {@code UserCard}, the class {@code UserCards} with {@code FIELDS} (the model's paths, in
 * component order), {@code map(Object[])} (the row mapper: casts and a constructor call, no
 * reflection) and {@code from(Select<User>)}. An error names the projection and the component;
 * nothing is written for a projection with errors.
 */
public final class ProjectionProcessor extends AbstractProcessor {

  /** Called by the compiler's service loader. */
  public ProjectionProcessor() {}

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(Projection.class.getName());
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    for (Element e : round.getElementsAnnotatedWith(Projection.class)) {
      if (e.getKind() != ElementKind.RECORD) {
        error(e, e.getSimpleName() + ": @Projection marks a record");
        continue;
      }
      TypeElement projection = (TypeElement) e;
      TypeElement model = modelOf(projection);
      if (model == null || model.getAnnotation(Model.class) == null) {
        error(e, e.getSimpleName() + ": @Projection names " + (model == null ? "no type"
            : model.getQualifiedName()) + ", which is not a @Model record");
        continue;
      }
      List<String> constants = check(projection, model);
      if (constants != null) {
        write(projection, model, constants);
      }
    }
    return false;
  }

  private @Nullable TypeElement modelOf(TypeElement projection) {
    try {
      projection.getAnnotation(Projection.class).value();
      return null;
    } catch (MirroredTypeException e) {
      TypeMirror m = e.getTypeMirror();
      return m instanceof DeclaredType d ? (TypeElement) d.asElement() : null;
    }
  }

  /** The model's path constant of each component, or null after reporting each mismatch. */
  private @Nullable List<String> check(TypeElement projection, TypeElement model) {
    List<? extends RecordComponentElement> fields = model.getRecordComponents();
    List<String> names = fields.stream().map(c -> c.getSimpleName().toString()).toList();
    List<String> modelConstants = Naming.constantNames(names);
    List<String> out = new ArrayList<>();
    boolean ok = true;
    for (RecordComponentElement c : projection.getRecordComponents()) {
      String name = c.getSimpleName().toString();
      int at = names.indexOf(name);
      String where = projection.getSimpleName() + "." + name + ": ";
      if (at < 0) {
        error(c, where + "model " + model.getSimpleName() + " has no field " + name);
        ok = false;
        continue;
      }
      TypeMirror expected = fields.get(at).asType();
      if (EmbeddedParser.isEmbedded(fields.get(at))) {
        error(c, where + "is an embedded record of " + model.getSimpleName()
            + "; projections of embedded records are not supported yet");
        ok = false;
      } else if (SealedParser.isSealedField(fields.get(at))) {
        error(c, where + "is a sealed-interface field of " + model.getSimpleName()
            + "; projections of sealed-interface fields are not supported yet");
        ok = false;
      } else if (RelationResolver.kindOf(expected).isPresent()) {
        error(c, where + "is a relation of " + model.getSimpleName()
            + "; project its key fields instead");
        ok = false;
      } else if (!processingEnv.getTypeUtils().isSameType(expected, c.asType())) {
        error(c, where + "is " + c.asType() + " but " + model.getSimpleName() + "." + name
            + " is " + expected);
        ok = false;
      }
      out.add(modelConstants.get(at));
    }
    return ok ? out : null;
  }

  private void write(TypeElement projection, TypeElement model, List<String> constants) {
    ClassName record = ClassName.get(projection);
    ClassName modelRecord = ClassName.get(model);
    String entryName = model.getAnnotation(Model.class).entry();
    ClassName entry = ClassName.get(modelRecord.packageName(), entryName.isEmpty()
        ? Naming.plural(model.getSimpleName().toString()) : entryName);
    ClassName out = ClassName.get(record.packageName(),
        Naming.plural(projection.getSimpleName().toString()));
    TypeName exprList = ParameterizedTypeName.get(ApiTypes.LIST,
        ParameterizedTypeName.get(ApiTypes.EXPR, WildcardTypeName.subtypeOf(Object.class)));
    CodeBlock.Builder fields = CodeBlock.builder().add("$T.of(", ApiTypes.LIST);
    CodeBlock.Builder args = CodeBlock.builder();
    List<? extends RecordComponentElement> components = projection.getRecordComponents();
    for (int i = 0; i < components.size(); i++) {
      fields.add(i == 0 ? "$T.$L" : ", $T.$L", entry, constants.get(i));
      args.add(i == 0 ? "" : ", ").add(value(components.get(i).asType(), i));
    }
    TypeSpec type = TypeSpec.classBuilder(out)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc("Projection {@link $T} of model {@link $T}: generated, do not edit.\n", record,
            modelRecord)
        .addOriginatingElement(projection)
        .addField(FieldSpec.builder(exprList, "FIELDS", Modifier.PUBLIC, Modifier.STATIC,
            Modifier.FINAL).initializer(fields.add(")").build())
            .addJavadoc("The model's fields, in component order.\n").build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(MethodSpec.methodBuilder("map")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .addJavadoc("The record of one row's values, in {@link #FIELDS} order.\n")
            .returns(record)
            .addParameter(Object[].class, "v")
            .addStatement("return new $T($L)", record, args.build())
            .build())
        .addMethod(MethodSpec.methodBuilder("from")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .addJavadoc("{@code query}'s records as this projection: only its fields are read.\n")
            .returns(ParameterizedTypeName.get(ClassName.get("io.toasty", "Projected"), record))
            .addParameter(ParameterizedTypeName.get(ClassName.get("io.toasty", "Select"),
                modelRecord), "query")
            .addStatement("return query.select($T::map, FIELDS)", out)
            .build())
        .build();
    try {
      JavaFile.builder(out.packageName(), type).skipJavaLangImports(true).build()
          .writeTo(processingEnv.getFiler());
    } catch (IOException e) {
      error(projection, projection.getSimpleName() + ": cannot write " + out + ": "
          + e.getMessage());
    }
  }

  /**
   * {@code (T) v[i]}, boxed for a primitive, wrapped for an {@code Optional}; a
   * {@code Secret<T>} is selected as its stored {@code T}, so it is wrapped again here.
   */
  private CodeBlock value(TypeMirror type, int i) {
    TypeName t = TypeName.get(type);
    if (t.isPrimitive()) {
      return CodeBlock.of("($T) v[$L]", t.box(), i);
    }
    if (t instanceof ParameterizedTypeName p && p.rawType().equals(ApiTypes.OPTIONAL)) {
      return CodeBlock.of("$T.ofNullable($L)", ApiTypes.OPTIONAL,
          plain(((DeclaredType) type).getTypeArguments().get(0), i));
    }
    return plain(type, i);
  }

  /** {@code v[i]} as {@code type}, which is not an {@code Optional}; null stays null. */
  private CodeBlock plain(TypeMirror type, int i) {
    TypeName t = TypeName.get(type);
    if (type instanceof DeclaredType d && d.asElement().getKind() == ElementKind.ENUM) {
      return CodeBlock.of("v[$L] == null ? null : $T.valueOf((String) v[$L])", i, t, i);
    }
    if (t instanceof ParameterizedTypeName p && p.rawType().equals(ApiTypes.SENSITIVE)) {
      return CodeBlock.of("v[$L] == null ? null : $T.of($L)", i, ApiTypes.SENSITIVE,
          plain(((DeclaredType) type).getTypeArguments().get(0), i));
    }
    return CodeBlock.of("($T) v[$L]", t, i);
  }

  private void error(Element e, String message) {
    new ErrorReporter(processingEnv.getMessager()).error(e, message);
  }
}
