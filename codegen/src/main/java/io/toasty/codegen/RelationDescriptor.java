package io.toasty.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import io.toasty.schema.app.RelationSchema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A relation field ({@code HasMany}, {@code BelongsTo}, {@code HasOne}) as the parser resolved
 * it: its keys and pair are known, so the writers only copy them into the schema.
 *
 * @param index        its position among the model's relations
 * @param name         the record component's name
 * @param constant     the name of its path constant in the entry class ({@code POSTS})
 * @param kind         its kind
 * @param optional     whether it is declared over {@code Optional<T>} (belongs-to, has-one)
 * @param target       the related record's class
 * @param targetEntry  the related model's entry class ({@code Posts})
 * @param pair         the pair relation's name, or empty
 * @param sourceFields field indexes on this model (see {@code RelationSchema})
 * @param targetFields field indexes on the target
 * @param through      the join model of a many-to-many relation, or {@code null}
 * @param component    its position among the record's components
 * @param joinEntry    for a many-to-many relation, the join model's entry class; else null
 * @param steps        for a multi-step via, the relations it follows; else empty
 * @param eager        whether every query of the model loads it ({@link EagerRelations})
 * @param max          its {@code @AtMost} limit, 0 for none ({@link RelationLimits})
 * @param hierarchy    whether the target is a polymorphic model ({@code HasMany<Event>}), whose
 *                     records its variants' creates make
 * @param variant      for a relation to one variant of a polymorphic model
 *                     ({@code HasMany<Click>}), that variant; else {@code null}
 * @param integrity    for a belongs-to, how its key is kept naming a record that exists
 *                     ({@link RelationIntegrity}); {@code ENFORCED} for the others
 * @param graph        its graph relationship as {@code @Relationship} declares it
 *                     ({@link GraphRelationships}), or {@code null}
 */
record RelationDescriptor(int index, String name, String constant, RelationSchema.Kind kind,
    boolean optional, ClassName target, ClassName targetEntry, String pair,
    List<Integer> sourceFields, List<Integer> targetFields,
    RelationSchema.@Nullable Through through,
    int component, @Nullable ClassName joinEntry, List<RelationSchema.Step> steps, boolean eager,
    int max, boolean hierarchy, @Nullable VariantTarget variant, RelationSchema.Integrity integrity,
    RelationSchema.@Nullable GraphEdge graph) {
  /**
   * The variant of a polymorphic model a relation relates to.
   *
   * @param model the hierarchy's model name, the relation's target to the engine
   * @param field the hierarchy's discriminator field
   * @param value the variant's discriminator, as a {@code Value} expression
   */
  record VariantTarget(String model, int field, CodeBlock value) {}

  RelationDescriptor {
    integrity = integrity == null ? RelationSchema.Integrity.ENFORCED : integrity;
    sourceFields = List.copyOf(sourceFields);
    steps = List.copyOf(steps);
    targetFields = List.copyOf(targetFields);
  }

  /** A relation to a plain model. */
  RelationDescriptor(int index, String name, String constant, RelationSchema.Kind kind,
      boolean optional, ClassName target, ClassName targetEntry, String pair,
      List<Integer> sourceFields, List<Integer> targetFields,
      RelationSchema.@Nullable Through through,
      int component, @Nullable ClassName joinEntry, List<RelationSchema.Step> steps, boolean eager,
      int max) {
    this(index, name, constant, kind, optional, target, targetEntry, pair, sourceFields,
        targetFields, through, component, joinEntry, steps, eager, max, false, null,
        RelationSchema.Integrity.ENFORCED, null);
  }

  /** A relation without an {@code @AtMost} limit. */
  RelationDescriptor(int index, String name, String constant, RelationSchema.Kind kind,
      boolean optional, ClassName target, ClassName targetEntry, String pair,
      List<Integer> sourceFields, List<Integer> targetFields,
      RelationSchema.@Nullable Through through,
      int component, @Nullable ClassName joinEntry, List<RelationSchema.Step> steps,
      boolean eager) {
    this(index, name, constant, kind, optional, target, targetEntry, pair, sourceFields,
        targetFields, through, component, joinEntry, steps, eager, 0);
  }

  /** A relation that is not eager. */
  RelationDescriptor(int index, String name, String constant, RelationSchema.Kind kind,
      boolean optional, ClassName target, ClassName targetEntry, String pair,
      List<Integer> sourceFields, List<Integer> targetFields,
      RelationSchema.@Nullable Through through,
      int component, @Nullable ClassName joinEntry, List<RelationSchema.Step> steps) {
    this(index, name, constant, kind, optional, target, targetEntry, pair, sourceFields,
        targetFields, through, component, joinEntry, steps, false);
  }

  /** This relation, eager or not. */
  RelationDescriptor withEager(boolean eager) {
    return new RelationDescriptor(index, name, constant, kind, optional, target, targetEntry,
        pair, sourceFields, targetFields, through, component, joinEntry, steps, eager, max,
        hierarchy, variant, integrity, graph);
  }

  /** This relation, its key kept by {@code integrity}. */
  RelationDescriptor withIntegrity(RelationSchema.Integrity integrity) {
    return new RelationDescriptor(index, name, constant, kind, optional, target, targetEntry,
        pair, sourceFields, targetFields, through, component, joinEntry, steps, eager, max,
        hierarchy, variant, integrity, graph);
  }

  /** This relation, stored in a graph as {@code graph} declares ({@code null}: the default). */
  RelationDescriptor withGraph(RelationSchema.@Nullable GraphEdge graph) {
    return new RelationDescriptor(index, name, constant, kind, optional, target, targetEntry,
        pair, sourceFields, targetFields, through, component, joinEntry, steps, eager, max,
        hierarchy, variant, integrity, graph);
  }

  /** This relation with the {@code @AtMost} limit {@code max} (0: none). */
  RelationDescriptor withMax(int max) {
    return new RelationDescriptor(index, name, constant, kind, optional, target, targetEntry,
        pair, sourceFields, targetFields, through, component, joinEntry, steps, eager, max,
        hierarchy, variant, integrity, graph);
  }

  /** This relation of a polymorphic model: relation number {@code index}, on its fields. */
  RelationDescriptor inHierarchy(int index, List<Integer> sourceFields) {
    return new RelationDescriptor(index, name, constant, kind, optional, target, targetEntry,
        pair, sourceFields, targetFields, through, component, joinEntry, steps, eager, max,
        hierarchy, variant, integrity, graph);
  }

  /** This relation, to a polymorphic model or not, to one of its variants or not. */
  RelationDescriptor toHierarchy(boolean hierarchy, @Nullable VariantTarget variant) {
    return new RelationDescriptor(index, name, constant, kind, optional, target, targetEntry,
        pair, sourceFields, targetFields, through, component, joinEntry, steps, eager, max,
        hierarchy, variant, integrity, graph);
  }

  /** The target model's name: a variant's is its hierarchy's. */
  String targetName() {
    return variant == null ? target.simpleName() : variant.model();
  }

  /** The target entry's constant holding its definition: a variant's view, else MODEL. */
  String definition() {
    return variant == null ? "MODEL" : "VARIANT";
  }

  /** {@code PostCreate}: the target's create builder. */
  ClassName targetCreate() {
    return targetEntry.peerClass(target.simpleName() + "Create");
  }

  /**
   * What its nested-create setters take: the target's create builder ({@code PostCreate}), or
   * for a polymorphic target any variant's ({@code Create<? extends Event>}).
   */
  TypeName createParameter() {
    return hierarchy
        ? ParameterizedTypeName.get(ApiTypes.CREATE, WildcardTypeName.subtypeOf(target))
        : targetCreate();
  }

  /** The path class of its constant. */
  ClassName pathClass() {
    return kind == RelationSchema.Kind.HAS_MANY ? ApiTypes.HAS_MANY_PATH : ApiTypes.TO_ONE_PATH;
  }

  /** The handle class of its record component. */
  ClassName handleClass() {
    return switch (kind) {
      case HAS_MANY -> ApiTypes.HAS_MANY;
      case HAS_ONE -> ApiTypes.HAS_ONE;
      case BELONGS_TO -> ApiTypes.BELONGS_TO;
    };
  }
}
