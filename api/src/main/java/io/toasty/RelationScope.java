package io.toasty;

import io.toasty.error.RelationNotLoadedException;
import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.app.RelationSchema;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.value.Columns;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a relation handle of a loaded record needs to build its queries: the relation, the
 * related model, and the loaded record's values of the relation's source fields (its key for
 * has-many and has-one, its foreign key for belongs-to).
 */
final class RelationScope<T> {
  final ModelSchema source;
  final RelationSchema relation;
  final ModelDef<T> target;
  final Value.Record sourceValues;
  /** For a many-to-many relation, the join model (writes build its rows); else null. */
  final @Nullable ModelDef<?> join;

  private RelationScope(ModelSchema source, RelationSchema relation, ModelDef<T> target,
      Value.Record sourceValues, @Nullable ModelDef<?> join) {
    this.source = source;
    this.relation = relation;
    this.target = target;
    this.sourceValues = sourceValues;
    this.join = join;
  }

  /** The scope of relation {@code relation} (its index among relations) of the loaded {@code row}. */
  static <T> RelationScope<T> of(ModelSchema source, int relation, Value.Record row,
      ModelDef<T> target) {
    return of(source, relation, row, target, null);
  }

  /** The scope of a many-to-many relation, whose writes add and remove {@code join} records. */
  static <T> RelationScope<T> of(ModelSchema source, int relation, Value.Record row,
      ModelDef<T> target, @Nullable ModelDef<?> join) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(row, "row");
    Objects.requireNonNull(target, "target");
    RelationSchema r = source.relations().get(relation);
    return new RelationScope<>(source, r, target, Value.Record.adopt(sourceValues(r, row)),
        join);
  }

  /**
   * The scope of relation {@code r} whose source values {@link #key} kept: a to-one value builds
   * its scope only when a query or a message needs it.
   */
  static <T> RelationScope<T> ofKey(ModelSchema source, RelationSchema r, Object key,
      ModelDef<T> target) {
    Value.Record values = key instanceof Value.Record rec ? rec
        : Value.Record.adopt(new Value[] {(Value) key});
    return new RelationScope<>(source, r, target, values, null);
  }

  /**
   * The values of {@code r}'s source fields in {@code row}, kept without a copy of the row: the
   * value itself for one field (the usual foreign key; nothing is allocated), else a record.
   */
  static Object key(RelationSchema r, Value.Record row) {
    List<Integer> fields = r.sourceFields();
    return fields.size() == 1 ? row.get(fields.get(0))
        : Value.Record.adopt(sourceValues(r, row));
  }

  /**
   * The scope of relation {@code relation} of a record being read from {@code row} (a row
   * reader's columns, field {@code i} at position {@code i}).
   */
  static <T> RelationScope<T> of(ModelSchema source, int relation, Columns row,
      ModelDef<T> target, @Nullable ModelDef<?> join) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(row, "row");
    Objects.requireNonNull(target, "target");
    RelationSchema r = source.relations().get(relation);
    return new RelationScope<>(source, r, target,
        Value.Record.adopt(sourceValues(source, r, row)), join);
  }

  /** {@link #key} of a record being read from {@code row}. */
  static Object key(ModelSchema source, RelationSchema r, Columns row) {
    List<Integer> fields = r.sourceFields();
    return fields.size() == 1 ? row.value(fields.get(0), source.fields().get(fields.get(0)).type())
        : Value.Record.adopt(sourceValues(source, r, row));
  }

  private static Value[] sourceValues(ModelSchema source, RelationSchema r, Columns row) {
    List<Integer> fields = r.sourceFields();
    Value[] values = new Value[fields.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = row.value(fields.get(i), source.fields().get(fields.get(i)).type());
    }
    return values;
  }

  // built for every loaded record's every relation: one array, adopted, rather than a list
  // copied into the record
  private static Value[] sourceValues(RelationSchema r, Value.Record row) {
    List<Integer> fields = r.sourceFields();
    Value[] values = new Value[fields.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = row.get(fields.get(i));
    }
    return values;
  }

  /** The value of slot {@code relation} of {@code row}: a list of loaded records, or null. */
  static Value.@Nullable ListValue slot(ModelSchema source, int relation, Value.Record row) {
    int at = source.fields().size() + relation;
    return at < row.size() && row.get(at) instanceof Value.ListValue list ? list : null;
  }

  /** Whether every source value is set (a null foreign key relates to nothing). */
  boolean hasKey() {
    return sourceValues.fields().stream().noneMatch(Value::isNull);
  }

  /**
   * The condition over the target's fields that selects the related records (of its variant,
   * for a relation to one variant of a polymorphic model).
   */
  ExprNode condition() {
    return relation.narrow(related());
  }

  private ExprNode related() {
    if (relation.isMultiStep()) {
      return stepsCondition();
    }
    if (relation.isBelongsTo()) {
      return equalities(target.name(), relation.targetFields(), sourceValues);
    }
    Query parent = new Query(new Source.Model(source.name()),
        equalities(source.name(), relation.sourceFields(), sourceValues),
        project(source.name(), relation.sourceFields()), List.of(), null);
    if (relation.through() == null) {
      // target.fk IN (SELECT parent.key FROM parent WHERE parent.key = <value>): the planner
      // lifts it into target.fk = <value>.
      return new ExprNode.InSubquery(fields(target.name(), relation.targetFields()),
          parent);
    }
    RelationSchema.Through via = relation.through();
    Query join = new Query(new Source.Model(via.model()),
        new ExprNode.InSubquery(fields(via.model(), via.sourceFields()), parent),
        project(via.model(), via.targetFields()), List.of(), null);
    return new ExprNode.InSubquery(fields(target.name(), relation.targetFields()),
        join);
  }

  /**
   * A multi-step via, walked from this record: the first step's targets match this record's
   * values, each next step's targets are keyed by the previous step's matching records.
   */
  private ExprNode stepsCondition() {
    List<RelationSchema.Step> steps = relation.steps();
    RelationSchema.Step first = steps.get(0);
    ExprNode condition = equalities(first.target(), first.targetFields(),
        sourceValues);
    for (int i = 1; i < steps.size(); i++) {
      RelationSchema.Step step = steps.get(i);
      Query previous = new Query(new Source.Model(step.model()), condition,
          project(step.model(), step.sourceFields()), List.of(), null);
      condition = new ExprNode.InSubquery(fields(step.target(), step.targetFields()),
          previous);
    }
    return condition;
  }

  /** The related records, as a query. */
  Select<T> query() {
    return Select.from(target).filter(new Condition(condition()));
  }

  /** {@code Post.author of Post(authorId = 7)}, for messages. */
  String describe() {
    return source.name() + "." + relation.name();
  }

  RelationNotLoadedException notLoaded() {
    return new RelationNotLoadedException(source.name(), relation.name(), "include it in the "
        + "query that loads the " + source.name() + " records (.include(.." + "."
        + upperSnake(relation.name()) + ")), or query it with record." + relation.name() + "()"
        + (relation.isMany() ? ".collect(db)" : ".get(db)"));
  }

  static ExprNode fields(String model, List<Integer> fields) {
    if (fields.size() == 1) {
      return new ExprNode.Field(model, fields.get(0));
    }
    List<ExprNode> out = new ArrayList<>(fields.size());
    fields.forEach(f -> out.add(new ExprNode.Field(model, f)));
    return new ExprNode.Record(out);
  }

  static ExprNode equalities(String model, List<Integer> fields, Value.Record values) {
    List<ExprNode> terms = new ArrayList<>(fields.size());
    for (int i = 0; i < fields.size(); i++) {
      terms.add(ExprNode.eq(new ExprNode.Field(model, fields.get(i)),
          new ExprNode.Const(values.get(i))));
    }
    return terms.size() == 1 ? terms.get(0) : new ExprNode.And(terms);
  }

  private static Returning project(String model, List<Integer> fields) {
    List<ExprNode> out = new ArrayList<>(fields.size());
    fields.forEach(f -> out.add(new ExprNode.Field(model, f)));
    return new Returning.Project(out);
  }

  static String upperSnake(String name) {
    StringBuilder out = new StringBuilder();
    for (char c : name.toCharArray()) {
      if (Character.isUpperCase(c) && out.length() > 0) {
        out.append('_');
      }
      out.append(Character.toUpperCase(c));
    }
    return out.toString();
  }
}
