package io.toasty.planner.cardinality;

import io.toasty.error.CardinalityException;
import io.toasty.error.InvalidStatementException;
import io.toasty.schema.Schema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.app.RelationSchema;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.DeleteNode;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.Source;
import io.toasty.stmt.StatementNode;
import io.toasty.stmt.UpdateNode;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Which records a model-level write may give more related records than their relation's
 * {@code @AtMost} allows. A new record's nested children are counted here, before anything is
 * sent ({@link CardinalityException} when too many); a write that points records at an existing
 * one (an insert or an update setting a limited relation's foreign key to a value, a join record
 * of a limited many-to-many) yields a {@link CardinalityGuard} for that record, which the
 * executor checks under a lock of it in the write's transaction.
 */
public final class CardinalityGuards {
  /** A limited relation, with the model and fields its related records are counted by. */
  private record Limit(ModelSchema owner, RelationSchema relation, String counted,
      List<Integer> countedFields) {}

  private final Schema schema;
  private final Map<String, List<Limit>> byCounted = new HashMap<>();
  /** The required has-ones ({@code HasOne<Profile>}), by the model of their related records. */
  private final Map<String, List<Limit>> requiredByCounted = new HashMap<>();

  /** The limits of {@code schema}'s relations. */
  public CardinalityGuards(Schema schema) {
    this.schema = Objects.requireNonNull(schema, "schema");
    for (ModelSchema m : schema.models()) {
      for (RelationSchema r : m.relations()) {
        if (r.isLimited()) {
          Limit limit = r.through() == null
              ? new Limit(m, r, r.target(), r.targetFields())
              : new Limit(m, r, r.through().model(), r.through().sourceFields());
          byCounted.computeIfAbsent(limit.counted, k -> new ArrayList<>()).add(limit);
        }
        if (r.isRequiredOne()) {
          requiredByCounted.computeIfAbsent(r.target(), k -> new ArrayList<>())
              .add(new Limit(m, r, r.target(), r.targetFields()));
        }
      }
    }
  }

  /** Whether any relation of the schema is limited. */
  public boolean any() {
    return !byCounted.isEmpty() || !requiredByCounted.isEmpty();
  }

  /**
   * The records {@code statement} must be checked against, each once; empty for a statement
   * that writes no limited relation of an existing record.
   *
   * @throws CardinalityException when a new record's nested children exceed a limit
   * @throws InvalidStatementException when an update sets a limited relation's foreign key to
   *     an expression, whose record is not known before the write
   */
  public List<CardinalityGuard> of(StatementNode statement) {
    if (!any()) {
      return List.of();
    }
    List<CardinalityGuard> out = new ArrayList<>();
    if (statement instanceof InsertNode insert) {
      insert(insert, out);
    } else if (statement instanceof UpdateNode update) {
      update(update, out);
      new RequiredOneGuards(schema, requiredByCounted(), out).update(update);
    } else if (statement instanceof DeleteNode delete
        && delete.from() instanceof Source.Model source && schema.hasModel(source.model())) {
      new RequiredOneGuards(schema, requiredByCounted(), out).delete(source.model(),
          delete.filter());
    }
    return List.copyOf(out);
  }

  /** The required has-ones by the model of their related records, as owner and relation. */
  private Map<String, List<RequiredOneGuards.One>> requiredByCounted() {
    Map<String, List<RequiredOneGuards.One>> out = new HashMap<>();
    requiredByCounted.forEach((counted, limits) -> out.put(counted, limits.stream()
        .map(l -> new RequiredOneGuards.One(l.owner, l.relation)).toList()));
    return out;
  }

  /** Adds {@code g} to {@code out}, merged with a guard of the same record. */
  static void add(List<CardinalityGuard> out, CardinalityGuard g) {
    for (int i = 0; i < out.size(); i++) {
      if (out.get(i).sameRecord(g)) {
        out.set(i, out.get(i).plus(g.added()));
        return;
      }
    }
    out.add(g);
  }

  private void insert(InsertNode insert, List<CardinalityGuard> out) {
    if (!(insert.target() instanceof Source.Model source) || !schema.hasModel(source.model())) {
      return;
    }
    ModelSchema model = schema.model(source.model());
    for (ExprNode.Record row : insert.rows()) {
      for (Limit limit : byCounted.getOrDefault(model.name(), List.of())) {
        Value.Record key = constants(row.fields(), limit.countedFields);
        if (key != null) {
          add(out, guard(limit, key, 1, null));
        }
      }
      for (Limit one : requiredByCounted.getOrDefault(model.name(), List.of())) {
        Value.Record key = constants(row.fields(), one.countedFields);
        if (key != null) { // a nested child's key is its new parent's: created with it
          add(out, RequiredOneGuards.known(one.owner, one.relation, key));
        }
      }
      nested(model, row, out);
    }
  }

  /** Checks the new record's nested children against its limits, then walks into them. */
  private void nested(ModelSchema model, ExprNode.Record row, List<CardinalityGuard> out) {
    for (RelationSchema r : model.relations()) {
      if (r.isLimited()) {
        int count = nestedRows(model, row, r);
        if (r.through() != null) {
          count += nestedRows(model, row, model.relation(r.through().path().get(0)));
        }
        if (count > r.max()) {
          throw new CardinalityException(model.name(), r.name(), "the new " + model.name(),
              r.max(), count);
        }
      }
    }
    for (int i = model.fields().size(); i < row.fields().size(); i++) {
      if (row.fields().get(i) instanceof ExprNode.Stmt s
          && s.statement() instanceof InsertNode child) {
        insert(child, out);
      }
    }
  }

  private static int nestedRows(ModelSchema model, ExprNode.Record row, RelationSchema r) {
    int at = model.fields().size() + r.index();
    return at < row.fields().size() && row.fields().get(at) instanceof ExprNode.Stmt s
        && s.statement() instanceof InsertNode child ? child.rows().size() : 0;
  }

  private void update(UpdateNode update, List<CardinalityGuard> out) {
    if (!(update.target() instanceof Source.Model source)) {
      return;
    }
    Map<Integer, ExprNode> set = new HashMap<>();
    for (Assignment a : update.assignments()) {
      set.put(a.target(), a.value());
    }
    for (Limit limit : byCounted.getOrDefault(source.model(), List.of())) {
      if (limit.countedFields.stream().noneMatch(set::containsKey)) {
        continue;
      }
      List<ExprNode> values = limit.countedFields.stream().map(f -> set.getOrDefault(f, null))
          .toList();
      if (values.stream().allMatch(v -> v instanceof ExprNode.Const c && c.value().isNull())) {
        continue; // unlinks: a relation only shrinks
      }
      Value.Record key = values.contains(null) ? null : constants(values, List.of());
      if (key == null) {
        int field = limit.countedFields.get(0);
        throw new InvalidStatementException(source.model(),
            schema.model(source.model()).fieldName(field), "sets the foreign key of "
            + limit.owner.name() + "." + limit.relation.name() + " (@AtMost(" + limit.relation
            .max() + ")) to something other than values: set every key field to a value");
      }
      add(out, guard(limit, key, 0, update.filter()));
    }
  }

  /**
   * The constant values at {@code fields} of {@code exprs} (all of {@code exprs} for no fields),
   * or null where one is not a non-null constant: a nested parent's key, a default, NULL.
   */
  static Value.@Nullable Record constants(List<ExprNode> exprs, List<Integer> fields) {
    List<ExprNode> picked = fields.isEmpty() ? exprs
        : fields.stream().map(f -> f < exprs.size() ? exprs.get(f) : null).toList();
    List<Value> values = new ArrayList<>(picked.size());
    for (ExprNode e : picked) {
      if (!(e instanceof ExprNode.Const c) || c.value().isNull()) {
        return null;
      }
      values.add(c.value());
    }
    return new Value.Record(values);
  }

  private static CardinalityGuard guard(Limit limit, Value.Record key, int added,
      @Nullable ExprNode moved) {
    return new CardinalityGuard(limit.owner.name(), limit.relation.name(), limit.relation.max(),
        limit.relation.sourceFields(), key, limit.counted, limit.countedFields, added, moved);
  }
}
