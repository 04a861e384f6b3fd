package io.toasty.schema;

import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.app.RelationSchema;
import io.toasty.schema.app.RelationSchema.GraphEdge;
import java.util.List;
import java.util.Optional;

/**
 * Which models a graph backend stores as one relationship rather than as a node (Neo4j's schema
 * push and its migrations both ask): the join model of a many-to-many {@code @HasMany.Via}. A
 * model is one when
 * <ul>
 *   <li>some relation of the schema goes {@code through} it (it is declared as a {@code via}), or
 *       it is declared as a relationship ({@code @Relationship} on the model, {@link #declared}),
 *       </li>
 *   <li>its relations are exactly two {@code BelongsTo}, both required (a relationship has both
 *       its ends) and checked (an unchecked key may name no node, so it stays a property), each
 *       to a model of the schema,</li>
 *   <li>no other model's {@code BelongsTo} refers to it (nothing can point at a relationship),
 *       and no other model shares its table.</li>
 * </ul>
 * Every other model, a join model that misses one of these included, stays a node.
 */
public final class JoinModels {
  private JoinModels() {}

  /** Whether {@code model} of {@code schema} is stored as one relationship. */
  public static boolean isEdge(Schema schema, ModelSchema model) {
    return (isVia(schema, model) || declared(model).isPresent())
        && twoRequiredBelongsTo(schema, model)
        && !referenced(schema, model) && ownsTable(schema, model);
  }

  /**
   * The relationship {@code model} is declared as ({@code @Relationship} on the model, kept on
   * its first belongs-to), if it is.
   */
  public static Optional<GraphEdge> declared(ModelSchema model) {
    return model.relations().stream().map(RelationSchema::graph)
        .filter(g -> g != null && g.joinModel()).findFirst();
  }

  private static boolean isVia(Schema schema, ModelSchema model) {
    return schema.models().stream().flatMap(m -> m.relations().stream())
        .anyMatch(r -> r.through() != null && r.through().model().equals(model.name()));
  }

  private static boolean twoRequiredBelongsTo(Schema schema, ModelSchema model) {
    List<RelationSchema> relations = model.relations();
    return relations.size() == 2 && relations.stream().allMatch(r -> r.isBelongsTo()
        && r.isChecked() && !r.isMultiStep() && !r.nullable() && r.variant() == null
        && schema.hasModel(r.target()));
  }

  private static boolean referenced(Schema schema, ModelSchema model) {
    return schema.models().stream().flatMap(m -> m.relations().stream())
        .anyMatch(r -> r.isBelongsTo() && r.target().equals(model.name()));
  }

  private static boolean ownsTable(Schema schema, ModelSchema model) {
    String table = schema.mapping(model.name()).table();
    return schema.models().stream()
        .filter(m -> schema.mapping(m.name()).table().equals(table)).count() == 1;
  }
}
