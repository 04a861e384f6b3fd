package io.toasty.codegen;

import io.toasty.schema.app.RelationSchema;
import java.util.Locale;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import org.jspecify.annotations.Nullable;

/**
 * {@code @BelongsTo.Restrict} and {@code @BelongsTo.Unchecked}: how a belongs-to's key is kept
 * naming a record that exists ({@link RelationSchema.Integrity}), and what is wrong with a
 * declaration (either on a field that is no belongs-to, or both on one field), reported at the
 * annotation. Tested by {@code RelationIntegrityTest}.
 */
final class RelationIntegrity {
  private static final String RESTRICT = "io.toasty.BelongsTo.Restrict";
  private static final String UNCHECKED = "io.toasty.BelongsTo.Unchecked";

  private final ErrorReporter errors;

  RelationIntegrity(ErrorReporter errors) {
    this.errors = errors;
  }

  /** The integrity component {@code c} declares; {@code ENFORCED} without an annotation. */
  static RelationSchema.Integrity of(RecordComponentElement c) {
    if (mirror(c, UNCHECKED) != null) {
      return RelationSchema.Integrity.UNCHECKED;
    }
    return mirror(c, RESTRICT) != null ? RelationSchema.Integrity.RESTRICT
        : RelationSchema.Integrity.ENFORCED;
  }

  /** Reports misplaced or contradicting integrity annotations on the fields of {@code model}. */
  void check(TypeElement model) {
    for (RecordComponentElement c : model.getRecordComponents()) {
      AnnotationMirror restrict = mirror(c, RESTRICT);
      AnnotationMirror unchecked = mirror(c, UNCHECKED);
      AnnotationMirror any = restrict != null ? restrict : unchecked;
      if (any == null) {
        continue;
      }
      String where = model.getSimpleName() + "." + c.getSimpleName() + ": ";
      Optional<RelationSchema.Kind> kind = RelationResolver.kindOf(c.asType());
      if (kind.isEmpty() || kind.get() != RelationSchema.Kind.BELONGS_TO) {
        errors.error(c, any, where + "@" + simple(any) + " applies to a BelongsTo field, whose "
            + "key it checks, and this one is " + kind.map(k -> "a " + k.name().toLowerCase(
                Locale.ROOT).replace("_", "-")).orElse("no relation"));
      } else if (restrict != null && unchecked != null) {
        errors.error(c, unchecked, where + "@BelongsTo.Restrict and @BelongsTo.Unchecked "
            + "contradict: an unchecked key has no constraint to restrict a delete with; keep "
            + "one");
      }
    }
  }

  private static String simple(AnnotationMirror m) {
    return ((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().toString()
        .substring("io.toasty.".length());
  }

  private static @Nullable AnnotationMirror mirror(Element element, String name) {
    return RelationResolver.mirror(element, name);
  }
}
