package io.toasty.planner.cardinality;

import io.toasty.error.InvalidStatementException;
import io.toasty.schema.Schema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.app.RelationSchema;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Source;
import io.toasty.stmt.UpdateNode;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The guards of required has-ones ({@code HasOne<Passport>}: exactly one) that an update or a
 * delete may break: the records whose related record it moves away, unlinks or deletes (read
 * before the write, by a {@link CardinalityGuard#probe()}), and the record it moves one to
 * (known, a value). A delete follows the engine's cascade: deleting a record deletes the records
 * whose required foreign key points at it, and so on, and those may be related records of a
 * required has-one too. Deleting the owner itself is no loss: an owner that no longer exists is
 * not checked.
 */
final class RequiredOneGuards {
  /** A required has-one: its owner and relation. */
  record One(ModelSchema owner, RelationSchema relation) {}

  private final Schema schema;
  private final Map<String, List<One>> byCounted;
  private final List<CardinalityGuard> out;

  RequiredOneGuards(Schema schema, Map<String, List<One>> byCounted, List<CardinalityGuard> out) {
    this.schema = schema;
    this.byCounted = byCounted;
    this.out = out;
  }

  /** The guard of the known record {@code key} of {@code owner}'s {@code relation}. */
  static CardinalityGuard known(ModelSchema owner, RelationSchema relation, Value.Record key) {
    return new CardinalityGuard(owner.name(), relation.name(), 1, relation.sourceFields(), key,
        relation.target(), relation.targetFields(), 0, null, true, null);
  }

  private static CardinalityGuard probe(One one, ExprNode filter) {
    return new CardinalityGuard(one.owner.name(), one.relation.name(), 1,
        one.relation.sourceFields(), null, one.relation.target(), one.relation.targetFields(), 0,
        null, true, filter);
  }

  /**
   * An update setting the foreign key of a required has-one's related records: their owners
   * before (probed) and the one they move to (a value; an expression is refused, as for
   * {@code @AtMost}: its record is not known before the write).
   */
  void update(UpdateNode update) {
    if (!(update.target() instanceof Source.Model source)) {
      return;
    }
    for (One one : byCounted.getOrDefault(source.model(), List.of())) {
      List<Integer> fk = one.relation.targetFields();
      List<ExprNode> values = new ArrayList<>();
      for (int f : fk) {
        values.add(update.assignments().stream().filter(a -> a.target() == f)
            .map(Assignment::value).findFirst().orElse(null));
      }
      if (values.stream().allMatch(v -> v == null)) {
        continue;
      }
      out.add(probe(one, update.filter()));
      if (values.stream().allMatch(v -> v instanceof ExprNode.Const c && c.value().isNull())) {
        continue; // unlinks: the probe finds the owners left without one
      }
      Value.Record key = values.contains(null) ? null
          : CardinalityGuards.constants(values, List.of());
      if (key == null) {
        throw new InvalidStatementException(source.model(),
            schema.model(source.model()).fieldName(fk.get(0)), "moves the related record of "
            + one.owner.name() + "." + one.relation.name() + " (a required has-one) to "
            + "something other than values: set every key field to a value");
      }
      CardinalityGuards.add(out, known(one.owner, one.relation, key));
    }
  }

  /** A delete of {@code model}'s records matching {@code filter}, and what it cascades to. */
  void delete(String model, ExprNode filter) {
    delete(model, filter, null, new HashSet<>());
  }

  /**
   * @param from the belongs-to relation the cascade reached {@code model} through, or null: the
   *     owners of records deleted with their owner need no check
   */
  private void delete(String model, ExprNode filter, @Nullable RelationSchema from,
      Set<String> seen) {
    if (!seen.add(model)) {
      return; // a cycle of required relations: the delete itself refuses it
    }
    for (One one : byCounted.getOrDefault(model, List.of())) {
      if (from == null || !from.name().equals(one.relation.pair())
          || !from.target().equals(one.owner.name())) {
        out.add(probe(one, filter));
      }
    }
    for (ModelSchema child : schema.models()) {
      for (RelationSchema r : child.relations()) {
        if (r.isBelongsTo() && !r.nullable() && r.target().equals(model)) {
          ExprNode.Field relation =
              new ExprNode.Field(child.name(), child.fields().size() + r.index());
          delete(
              child.name(),
              new ExprNode.Related(relation, ExprNode.Quantifier.ANY, filter),
              r,
              seen);
        }
      }
    }
    seen.remove(model);
  }
}
