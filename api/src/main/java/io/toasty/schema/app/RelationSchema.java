package io.toasty.schema.app;

import io.toasty.stmt.ExprNode;
import io.toasty.value.Value;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A relation field of a model: no column, but a way to reach records of another model. Its
 * {@code Expr.Field} index is {@code model.fields().size() + index}, after every data field.
 *
 * <p>The join condition is {@code source.sourceFields = target.targetFields}, field by field:
 * <ul>
 *   <li>{@link Kind#BELONGS_TO}: {@code sourceFields} are this model's foreign key fields,
 *       {@code targetFields} the target's referenced fields (usually its key);</li>
 *   <li>{@link Kind#HAS_MANY} and {@link Kind#HAS_ONE}: {@code sourceFields} are this model's
 *       referenced fields, {@code targetFields} the target's foreign key (of the {@code pair});</li>
 *   <li>a has-many {@code through} a join model: {@code source.sourceFields =
 *       join.through.sourceFields} and {@code join.through.targetFields = target.targetFields}.</li>
 * </ul>
 *
 * @param index        its position among the model's relations
 * @param name         the record component's name
 * @param kind         has-many, has-one or belongs-to
 * @param target       the related model's name
 * @param pair         for has-many and has-one: the target's belongs-to relation that points back;
 *                     for belongs-to: empty
 * @param sourceFields field indexes on this model, see above
 * @param targetFields field indexes on the target, see above
 * @param nullable     for belongs-to: whether the foreign key may be null (an optional relation);
 *                     for has-one: whether the related record may be absent; has-many: false
 * @param through      for a many-to-many has-many: the join model; else {@code null}
 * @param steps        for a multi-step {@code via} has-many ({@code "posts.comments"}): the
 *                     relations it follows, from this model to the target, each with its own
 *                     keys (its {@code sourceFields} are the first step's); else empty
 * @param eager        whether every query of the model loads it ({@code @HasMany.Eager},
 *                     {@code @HasOne.Eager}, {@code @BelongsTo.Eager}) unless the query opts out
 * @param max          the most related records one record may have ({@code @AtMost}), which
 *                     every write is checked against; 0 for no limit
 * @param variant      for a relation to one variant of a polymorphic model
 *                     ({@code HasMany<Click>}, whose target is the hierarchy's model): the
 *                     discriminator value its related records hold; else {@code null}
 * @param integrity    for belongs-to: how the engine and the database keep its key naming a
 *                     record that exists ({@link Integrity}); {@code ENFORCED} for the others
 * @param graph        the relationship type and direction declared for a graph backend
 *                     ({@code @Relationship}), or {@code null} for the default; graph-only
 *                     metadata that the other backends ignore
 */
public record RelationSchema(int index, String name, Kind kind, String target, String pair,
    List<Integer> sourceFields, List<Integer> targetFields, boolean nullable,
    @Nullable Through through, List<Step> steps, boolean eager, int max, @Nullable Variant variant,
    Integrity integrity, @Nullable GraphEdge graph) {
  public RelationSchema {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(target, "target");
    integrity = integrity == null ? Integrity.ENFORCED : integrity;
    pair = pair == null ? "" : pair;
    sourceFields = List.copyOf(sourceFields);
    targetFields = List.copyOf(targetFields);
    steps = steps == null ? List.of() : List.copyOf(steps);
    if (max < 0) {
      throw new IllegalArgumentException(name + ": max must not be negative, was " + max);
    }
  }

  /** A relation without a declared graph relationship ({@code graph} null). */
  public RelationSchema(int index, String name, Kind kind, String target, String pair,
      List<Integer> sourceFields, List<Integer> targetFields, boolean nullable,
      @Nullable Through through,
      List<Step> steps, boolean eager, int max, @Nullable Variant variant, Integrity integrity) {
    this(index, name, kind, target, pair, sourceFields, targetFields, nullable, through, steps,
        eager, max, variant, integrity, null);
  }

  /**
   * The relationship a graph backend stores a relation as, as {@code @Relationship} declares
   * it (docs/neo4j.md, "Modelling relationships").
   *
   * @param type      the relationship type; empty for the default name
   * @param incoming  whether it points at the declaring model's node rather than away from it
   * @param joinModel whether it was declared on the relation's model as a whole (the model is
   *                  then stored as one relationship), rather than on this relation; set on the
   *                  model's first belongs-to
   */
  public record GraphEdge(String type, boolean incoming, boolean joinModel) {
    public GraphEdge {
      Objects.requireNonNull(type, "type");
    }
  }

  /** A relation whose key, if it is a belongs-to, is enforced ({@link Integrity#ENFORCED}). */
  public RelationSchema(int index, String name, Kind kind, String target, String pair,
      List<Integer> sourceFields, List<Integer> targetFields, boolean nullable,
      @Nullable Through through,
      List<Step> steps, boolean eager, int max, @Nullable Variant variant) {
    this(index, name, kind, target, pair, sourceFields, targetFields, nullable, through, steps,
        eager, max, variant, Integrity.ENFORCED);
  }

  /**
   * How a belongs-to relation's key is kept naming a record that exists (docs/relations.md,
   * "Related records always exist").
   */
  public enum Integrity {
    /**
     * Every write of the key is checked (a {@code FOREIGN KEY} on SQL, a condition on DynamoDB,
     * a check in the write's transaction on Neo4j); deleting the target deletes the records
     * whose key is required and sets an optional key to null.
     */
    ENFORCED,
    /**
     * As {@link #ENFORCED}, but deleting a target that records still refer to is refused
     * ({@code @BelongsTo.Restrict}, {@code ON DELETE RESTRICT}).
     */
    RESTRICT,
    /**
     * Not checked, for schemas whose data does not hold the rule ({@code @BelongsTo.Unchecked}):
     * no constraint, no check; deleting the target still deletes or unlinks the records that the
     * engine finds pointing at it.
     */
    UNCHECKED
  }

  /** Whether this is a belongs-to whose key is checked to name a record that exists. */
  public boolean isChecked() {
    return kind == Kind.BELONGS_TO && integrity != Integrity.UNCHECKED;
  }

  /** Whether this is a belongs-to whose target cannot be deleted while records refer to it. */
  public boolean isRestrict() {
    return kind == Kind.BELONGS_TO && integrity == Integrity.RESTRICT;
  }

  /** A relation to a whole model (not to one variant of a polymorphic model). */
  public RelationSchema(int index, String name, Kind kind, String target, String pair,
      List<Integer> sourceFields, List<Integer> targetFields, boolean nullable,
      @Nullable Through through,
      List<Step> steps, boolean eager, int max) {
    this(index, name, kind, target, pair, sourceFields, targetFields, nullable, through, steps,
        eager, max, null);
  }

  /**
   * The variant of a polymorphic model a relation relates to: the target's records whose
   * discriminator field holds {@code value}.
   *
   * @param field the target's discriminator field
   * @param value the variant's discriminator
   */
  public record Variant(int field, Value value) {
    public Variant {
      Objects.requireNonNull(value, "value");
    }

    /** {@code model.field = value}: the condition that keeps the variant's records. */
    public ExprNode condition(String model) {
      return ExprNode.eq(new ExprNode.Field(model, field),
          new ExprNode.Const(value));
    }
  }

  /**
   * {@code filter}, narrowed to the relation's variant when it relates to one: what the
   * related records must match.
   */
  public ExprNode narrow(ExprNode filter) {
    if (variant == null) {
      return filter;
    }
    ExprNode condition = variant.condition(target);
    return filter.equals(ExprNode.TRUE) ? condition
        : new ExprNode.And(List.of(condition, filter));
  }

  /** A relation without an {@code @AtMost} limit. */
  public RelationSchema(int index, String name, Kind kind, String target, String pair,
      List<Integer> sourceFields, List<Integer> targetFields, boolean nullable,
      @Nullable Through through,
      List<Step> steps, boolean eager) {
    this(index, name, kind, target, pair, sourceFields, targetFields, nullable, through, steps,
        eager, 0);
  }

  /** A relation that is not eager. */
  public RelationSchema(int index, String name, Kind kind, String target, String pair,
      List<Integer> sourceFields, List<Integer> targetFields, boolean nullable,
      @Nullable Through through,
      List<Step> steps) {
    this(index, name, kind, target, pair, sourceFields, targetFields, nullable, through, steps,
        false);
  }

  /** A relation that is not a multi-step {@code via}, and not eager. */
  public RelationSchema(int index, String name, Kind kind, String target, String pair,
      List<Integer> sourceFields, List<Integer> targetFields, boolean nullable,
      @Nullable Through through) {
    this(index, name, kind, target, pair, sourceFields, targetFields, nullable, through,
        List.of());
  }

  /**
   * One relation a multi-step {@code via} follows: {@code model.relation}, joining
   * {@code model.sourceFields = target.targetFields} (as {@link RelationSchema} does).
   *
   * @param model        the model the step starts from
   * @param relation     its relation's name
   * @param target       the model it reaches
   * @param many         whether it reaches several records (has-many)
   * @param sourceFields field indexes on {@code model}
   * @param targetFields field indexes on {@code target}
   */
  public record Step(String model, String relation, String target, boolean many,
      List<Integer> sourceFields, List<Integer> targetFields) {
    public Step {
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(relation, "relation");
      Objects.requireNonNull(target, "target");
      sourceFields = List.copyOf(sourceFields);
      targetFields = List.copyOf(targetFields);
    }
  }

  /** Whether this is a multi-step {@code via} relation (read-only: it has no keys of its own). */
  public boolean isMultiStep() {
    return !steps.isEmpty();
  }

  /** The kinds of relation. */
  public enum Kind { BELONGS_TO, HAS_MANY, HAS_ONE }

  /**
   * The join model of a many-to-many relation.
   *
   * @param model        the join model's name
   * @param path         the relation names: this model's has-many to the join model, then the
   *                     join model's belongs-to to the target
   * @param sourceFields the join model's foreign key to the source
   * @param targetFields the join model's foreign key to the target
   */
  public record Through(String model, List<String> path, List<Integer> sourceFields,
      List<Integer> targetFields) {
    public Through {
      Objects.requireNonNull(model, "model");
      path = List.copyOf(path);
      sourceFields = List.copyOf(sourceFields);
      targetFields = List.copyOf(targetFields);
    }
  }

  /** Whether writes are checked against a limit ({@code @AtMost}) on the related records. */
  public boolean isLimited() {
    return max > 0;
  }

  /**
   * Whether this is a required has-one ({@code HasOne<Profile>}): every record has exactly one
   * related record, which every write is checked against.
   */
  public boolean isRequiredOne() {
    return kind == Kind.HAS_ONE && !nullable;
  }

  /** Whether a loaded value is a list of records (has-many) rather than at most one. */
  public boolean isMany() {
    return kind == Kind.HAS_MANY;
  }

  /** Whether the foreign key lives on this model. */
  public boolean isBelongsTo() {
    return kind == Kind.BELONGS_TO;
  }
}
