package io.toasty.codegen;

import io.toasty.annotations.AtMost;
import io.toasty.schema.app.RelationSchema;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import org.jspecify.annotations.Nullable;

/**
 * {@code @AtMost(n)} on relation fields: the limit a relation declares, and what is wrong with a
 * declaration (a limit below 1, more than 1 on a has-one, any on a belongs-to, a multi-step via
 * or a field that is no relation), reported at the annotation.
 */
final class RelationLimits {
  private static final String AT_MOST = AtMost.class.getName();

  private final ErrorReporter errors;

  RelationLimits(ErrorReporter errors) {
    this.errors = errors;
  }

  /** Reports {@code @AtMost} on the components of {@code model} that are no relation. */
  void checkDataFields(TypeElement model) {
    for (RecordComponentElement c : model.getRecordComponents()) {
      AnnotationMirror m = mirror(c);
      if (m != null && RelationResolver.kindOf(c.asType()).isEmpty()) {
        errors.error(c, m, model.getSimpleName() + "." + c.getSimpleName()
            + ": @AtMost limits a relation (HasMany or HasOne), and this field is no relation");
      }
    }
  }

  /** The limit of relation {@code r} (component {@code c} of {@code model}), 0 for none. */
  int limit(TypeElement model, RecordComponentElement c, RelationDescriptor r) {
    if (r.kind() == RelationSchema.Kind.HAS_ONE && !r.optional()
        && r.target().canonicalName().contentEquals(model.getQualifiedName())) {
      // exactly one of its own kind, created with it: each new record needs another, no end
      errors.error(c, model.getSimpleName() + "." + c.getSimpleName() + ": a required has-one "
          + "of its own model can never be created (each " + model.getSimpleName() + " would "
          + "need another created with it); declare HasOne<Optional<" + model.getSimpleName()
          + ">>");
      return 0;
    }
    AtMost atMost = c.getAnnotation(AtMost.class);
    if (atMost == null) {
      return 0;
    }
    String problem = problem(r, atMost.value());
    if (problem != null) {
      errors.error(c, mirror(c), model.getSimpleName() + "." + c.getSimpleName() + ": "
          + problem);
      return 0;
    }
    return atMost.value();
  }

  private static @Nullable String problem(RelationDescriptor r, int max) {
    if (r.kind() == RelationSchema.Kind.BELONGS_TO) {
      return "@AtMost does not apply to a belongs-to, whose cardinality is its key's: "
          + "BelongsTo<T> is exactly one, BelongsTo<Optional<T>> zero or one";
    }
    if (!r.steps().isEmpty()) {
      return "@AtMost does not apply to a multi-step via relation, which is read-only";
    }
    if (r.variant() != null) {
      return "@AtMost does not apply to a relation to one variant of a polymorphic model (not"
          + " yet)";
    }
    if (max < 1) {
      return "@AtMost(" + max + ") must allow at least 1 related record";
    }
    if (r.kind() == RelationSchema.Kind.HAS_ONE && max != 1) {
      return "@AtMost(" + max + ") on a has-one, which relates at most one record: use "
          + "@AtMost(1), or a HasMany";
    }
    return null;
  }

  private static @Nullable AnnotationMirror mirror(RecordComponentElement c) {
    for (AnnotationMirror m : c.getAnnotationMirrors()) {
      if (((TypeElement) m.getAnnotationType().asElement()).getQualifiedName()
          .contentEquals(AT_MOST)) {
        return m;
      }
    }
    return null;
  }
}
