package io.toasty;

import io.toasty.error.InvalidStatementException;
import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.app.RelationSchema;
import io.toasty.stmt.DeleteNode;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The writes of a many-to-many handle ({@code student.courses().insert(db, math)}): linking adds
 * one join record per related record, and unlinking deletes the join records between this record
 * and them. Each is one statement (a multi-row insert, a delete), so one atomic write.
 */
final class JoinWrites {
  private JoinWrites() {}

  /** The insert of a join record from the scope's record to each of {@code records}. */
  static <T> InsertNode link(RelationScope<T> s, Collection<? extends T> records) {
    RelationSchema.Through via = through(s);
    ModelSchema join = joinSchema(s);
    List<ExprNode.Record> rows = new ArrayList<>(records.size());
    for (T record : records) {
      ExprNode[] row = new ExprNode[join.fields().size()
          + join.relations().size()];
      Arrays.fill(row, new ExprNode.Default());
      Value.Record target = targetValues(s, record);
      for (int i = 0; i < via.sourceFields().size(); i++) {
        row[via.sourceFields().get(i)] = new ExprNode.Const(s.sourceValues.get(i));
      }
      for (int i = 0; i < via.targetFields().size(); i++) {
        row[via.targetFields().get(i)] = new ExprNode.Const(target.get(i));
      }
      rows.add(new ExprNode.Record(List.of(row)));
    }
    return new InsertNode(new Source.Model(join.name()), List.of(), rows,
        new Returning.Count());
  }

  /** The delete of the join records between the scope's record and {@code records}. */
  static <T> DeleteNode unlink(RelationScope<T> s, Collection<? extends T> records) {
    RelationSchema.Through via = through(s);
    String join = joinSchema(s).name();
    List<ExprNode> targets = new ArrayList<>(records.size());
    for (T record : records) {
      targets.add(RelationScope.equalities(join, via.targetFields(), targetValues(s, record)));
    }
    ExprNode filter = ExprNode.and(
        RelationScope.equalities(join, via.sourceFields(), s.sourceValues),
        targets.size() == 1 ? targets.get(0) : new ExprNode.Or(targets));
    return new DeleteNode(new Source.Model(join), filter, new Returning.Count());
  }

  /** The related record's values of the fields the join record refers to (its key). */
  private static <T> Value.Record targetValues(RelationScope<T> s, T record) {
    Value.Record all = s.target.values(Objects.requireNonNull(record, "record"));
    List<Value> out = new ArrayList<>(s.relation.targetFields().size());
    for (int f : s.relation.targetFields()) {
      Value v = all.get(f);
      if (v.isNull()) {
        throw new InvalidStatementException(s.target.name(),
            s.target.schema().field(f).name(), "is null: a record that was never stored cannot "
            + "be linked to " + s.describe());
      }
      out.add(v);
    }
    return new Value.Record(out);
  }

  private static RelationSchema.Through through(RelationScope<?> s) {
    return Objects.requireNonNull(s.relation.through(), "a many-to-many relation goes through");
  }

  private static ModelSchema joinSchema(RelationScope<?> s) {
    if (s.join == null) {
      throw new IllegalStateException(s.describe() + " goes through " + through(s)
          .model() + ", but the record was loaded without its join model (regenerate the models)");
    }
    return s.join.schema();
  }
}
