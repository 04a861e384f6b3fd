package io.toasty.codegen;

import io.toasty.schema.app.RelationSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import org.jspecify.annotations.Nullable;

/**
 * Eager relations ({@code @HasMany.Eager}, {@code @HasOne.Eager}, {@code @BelongsTo.Eager}): which
 * relation fields are eager, and what is wrong with a declaration — an annotation on a field of
 * another kind, or a cycle of eager relations (every query would load them for ever), reported
 * on each model of the cycle with the path. Follows the related records' declarations directly,
 * so a cycle through a model from the class path is found too.
 */
final class EagerRelations {
  private static final String HAS_MANY = "io.toasty.HasMany.Eager";
  private static final String HAS_ONE = "io.toasty.HasOne.Eager";
  private static final String BELONGS_TO = "io.toasty.BelongsTo.Eager";

  private final ErrorReporter errors;

  EagerRelations(ErrorReporter errors) {
    this.errors = errors;
  }

  /** Whether relation component {@code c} is declared eager (with the annotation of its kind). */
  static boolean isEager(RecordComponentElement c) {
    return RelationResolver.kindOf(c.asType()).map(k -> mirror(c, annotation(k)) != null)
        .orElse(false);
  }

  /** Reports misplaced eager annotations and eager cycles through {@code model}. */
  void check(TypeElement model) {
    for (RecordComponentElement c : model.getRecordComponents()) {
      Optional<RelationSchema.Kind> kind = RelationResolver.kindOf(c.asType());
      for (String a : List.of(HAS_MANY, HAS_ONE, BELONGS_TO)) {
        AnnotationMirror m = mirror(c, a);
        if (m != null && (kind.isEmpty() || !annotation(kind.get()).equals(a))) {
          errors.error(c, m, model.getSimpleName() + "." + c.getSimpleName() + ": @"
              + simple(a) + " applies to a " + simple(a).replace(".Eager", "") + " field"
              + kind.map(k -> "; this one is " + typeName(k) + ": use @" + simple(annotation(k)))
                  .orElse(", and this one is no relation"));
        }
      }
    }
    for (RecordComponentElement c : model.getRecordComponents()) {
      if (isEager(c)) {
        List<String> path = new ArrayList<>();
        path.add(model.getSimpleName() + "." + c.getSimpleName());
        if (cycle(model, target(c), path, new ArrayList<>())) {
          errors.error(c, mirror(c, annotation(RelationResolver.kindOf(c.asType())
              .orElseThrow())), model.getSimpleName() + "." + c.getSimpleName()
              + ": eager relations form a cycle (" + String.join(" -> ", path) + " -> "
              + model.getSimpleName() + "): every query would load them for ever; make one of"
              + " them lazy and include it where it is needed");
        }
      }
    }
  }

  /**
   * Whether the eager relations from {@code at} lead back to {@code start}; {@code path} then
   * holds the relations followed.
   */
  private boolean cycle(TypeElement start, @Nullable TypeElement at, List<String> path,
      List<TypeElement> seen) {
    if (at == null) {
      return false;
    }
    if (at.equals(start)) {
      return true;
    }
    if (seen.contains(at)) {
      return false; // a cycle not through start: reported on its own models
    }
    seen.add(at);
    for (RecordComponentElement c : RelationResolver.components(at)) {
      if (isEager(c)) {
        path.add(at.getSimpleName() + "." + c.getSimpleName());
        if (cycle(start, target(c), path, seen)) {
          return true;
        }
        path.remove(path.size() - 1);
      }
    }
    return false;
  }

  /** The related record of relation component {@code c} ({@code Optional} unwrapped), or null. */
  private static @Nullable TypeElement target(RecordComponentElement c) {
    TypeMirror t = c.asType();
    for (int depth = 0; depth < 2; depth++) {
      if (t.getKind() != TypeKind.DECLARED || ((DeclaredType) t).getTypeArguments().isEmpty()) {
        return null;
      }
      t = ((DeclaredType) t).getTypeArguments().get(0);
      if (t.getKind() == TypeKind.DECLARED && !((TypeElement) ((DeclaredType) t).asElement())
          .getQualifiedName().contentEquals("java.util.Optional")) {
        return (TypeElement) ((DeclaredType) t).asElement();
      }
    }
    return null;
  }

  private static String annotation(RelationSchema.Kind kind) {
    return switch (kind) {
      case HAS_MANY -> HAS_MANY;
      case HAS_ONE -> HAS_ONE;
      case BELONGS_TO -> BELONGS_TO;
    };
  }

  private static String typeName(RelationSchema.Kind kind) {
    return switch (kind) {
      case HAS_MANY -> "a HasMany";
      case HAS_ONE -> "a HasOne";
      case BELONGS_TO -> "a BelongsTo";
    };
  }

  private static String simple(String annotation) {
    return annotation.substring("io.toasty.".length());
  }

  private static @Nullable AnnotationMirror mirror(Element element, String name) {
    return RelationResolver.mirror(element, name);
  }
}
