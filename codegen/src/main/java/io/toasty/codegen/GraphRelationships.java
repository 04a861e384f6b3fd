package io.toasty.codegen;

import io.toasty.schema.app.RelationSchema;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import org.jspecify.annotations.Nullable;

/**
 * {@code @Relationship}: the graph relationship type and direction of a relation field or of a
 * join model ({@link RelationSchema.GraphEdge}), and what is wrong with a declaration, reported
 * at the annotation with the model and field: a type that is no plain identifier, the annotation
 * where no relationship is stored (a data field, an unchecked key, a {@code via}, an end of a
 * join model declared as a whole), both sides of one relationship declared, a join model without
 * exactly two required ends. Read from the mirrors, so that the processor never loads the
 * run-time API. Tested by {@code GraphRelationshipsTest}.
 */
final class GraphRelationships {
  static final String RELATIONSHIP = "io.toasty.annotations.Relationship";
  private static final String VIA = "io.toasty.HasMany.Via";
  private static final String UNCHECKED = "io.toasty.BelongsTo.Unchecked";
  private static final Pattern TYPE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final ErrorReporter errors;

  GraphRelationships(ErrorReporter errors) {
    this.errors = errors;
  }

  /** Reports the annotation on a field of {@code model} that is no relation. */
  void checkDataFields(TypeElement model) {
    for (RecordComponentElement c : model.getRecordComponents()) {
      AnnotationMirror m = RelationResolver.mirror(c, RELATIONSHIP);
      if (m != null && RelationResolver.kindOf(c.asType()).isEmpty()) {
        errors.error(c, m, where(model, c) + "@Relationship applies to a relation field "
            + "(BelongsTo, HasMany, HasOne) or a join model, and this one is a data field");
      }
    }
  }

  /**
   * The relationship relation {@code r} of component {@code c} declares, or {@code null} for
   * none or an invalid declaration (reported).
   */
  RelationSchema.@Nullable GraphEdge of(TypeElement model, RecordComponentElement c,
      RelationDescriptor r) {
    AnnotationMirror m = RelationResolver.mirror(c, RELATIONSHIP);
    if (m == null) {
      return null;
    }
    String where = where(model, c);
    String refusal = refusal(model, c, r);
    if (refusal != null) {
      errors.error(c, m, where + "@Relationship means nothing here: " + refusal);
      return null;
    }
    RelationSchema.GraphEdge edge = edge(m, false);
    return validType(c, m, where, edge.type()) ? edge : null;
  }

  /** Why relation {@code r} stores no relationship of its own to declare, or null. */
  private static @Nullable String refusal(TypeElement model, RecordComponentElement c,
      RelationDescriptor r) {
    if (RelationResolver.mirror(model, RELATIONSHIP) != null) {
      return "the model is declared as one relationship, whose ends its BelongsTo fields are";
    }
    if (r.kind() == RelationSchema.Kind.BELONGS_TO) {
      return RelationResolver.mirror(c, UNCHECKED) != null
          ? "an unchecked key stays a property, with no relationship" : null;
    }
    if (RelationResolver.mirror(c, VIA) != null) {
      return "a via relation follows other relations; declare the relationship on the join "
          + "model or on the relations it follows";
    }
    Optional<? extends RecordComponentElement> pair = pair(c, r.pair());
    if (pair.isPresent() && RelationResolver.mirror(pair.get(), UNCHECKED) != null) {
      return "its pair " + r.pair() + " is an unchecked key, stored with no relationship";
    }
    if (pair.isPresent() && RelationResolver.mirror(pair.get(), RELATIONSHIP) != null) {
      return "its pair " + r.targetName() + "." + r.pair() + " declares the same relationship;"
          + " declare it on one side";
    }
    return null;
  }

  private static Optional<? extends RecordComponentElement> pair(RecordComponentElement c, String name) {
    return RelationResolver.relatedType(c.asType()).flatMap(t -> t.getRecordComponents()
        .stream().filter(p -> p.getSimpleName().contentEquals(name)).findFirst());
  }

  /**
   * {@code relations} of {@code model} with the relationship its {@code @Relationship} declares
   * set on its first belongs-to; unchanged without one, or with an error reported when the model
   * has not exactly two required, checked belongs-to and nothing else.
   */
  List<RelationDescriptor> joinModel(TypeElement model, List<RelationDescriptor> relations) {
    AnnotationMirror m = RelationResolver.mirror(model, RELATIONSHIP);
    if (m == null) {
      return relations;
    }
    String where = model.getSimpleName() + ": ";
    boolean ends = relations.size() == 2 && relations.stream().allMatch(r ->
        r.kind() == RelationSchema.Kind.BELONGS_TO && !r.optional()
            && r.integrity() != RelationSchema.Integrity.UNCHECKED);
    if (!ends) {
      errors.error(model, m, where + "@Relationship on a model stores each record as one "
          + "relationship, which needs exactly two required, checked BelongsTo (its ends) and "
          + "no other relation; this model has " + relations.size() + " relations");
      return relations;
    }
    RelationSchema.GraphEdge edge = edge(m, true);
    if (!validType(model, m, where, edge.type())) {
      return relations;
    }
    return List.of(relations.get(0).withGraph(edge), relations.get(1));
  }

  private boolean validType(Element at, AnnotationMirror m, String where, String type) {
    if (type.isEmpty() || TYPE.matcher(type).matches()) {
      return true;
    }
    errors.error(at, m, where + "@Relationship(type = \"" + type + "\") is no relationship "
        + "type: use letters, digits and underscores, not starting with a digit (\"WORKS_AT\")");
    return false;
  }

  private static RelationSchema.GraphEdge edge(AnnotationMirror m, boolean joinModel) {
    String type = "";
    boolean incoming = false;
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e
        : m.getElementValues().entrySet()) {
      String name = e.getKey().getSimpleName().toString();
      if (name.equals("type")) {
        type = e.getValue().getValue().toString();
      } else if (name.equals("direction")) {
        incoming = e.getValue().getValue().toString().equals("INCOMING");
      }
    }
    return new RelationSchema.GraphEdge(type, incoming, joinModel);
  }

  private static String where(TypeElement model, RecordComponentElement c) {
    return model.getSimpleName() + "." + c.getSimpleName() + ": ";
  }
}
