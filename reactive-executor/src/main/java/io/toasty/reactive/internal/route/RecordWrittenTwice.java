package io.toasty.reactive.internal.route;

import io.toasty.Statement.Snapshot;
import io.toasty.schema.Schema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.stmt.DeleteNode;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Source;
import io.toasty.stmt.StatementNode;
import io.toasty.stmt.UpdateNode;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Whether two updates or deletes of a batch name the same record by its key
 * ({@code updateById(k)} twice, an update and a delete of one record): one atomic write takes
 * one operation per item (DynamoDB refuses a TransactWriteItems that holds two), so such a batch
 * runs as an optimistic transaction, whose buffered writes leave one image per item
 * ({@link AtomicBatch}; {@code BatchQueryScenarios.aKeyUpdatedTwiceInABatchKeepsItsLastValue}).
 */
final class RecordWrittenTwice {
  private RecordWrittenTwice() {}

  static boolean in(List<Snapshot<?>> batch, Schema models) {
    Set<List<Object>> seen = new HashSet<>();
    for (Snapshot<?> s : batch) {
      List<Object> key = pinnedKey(s.untyped(), models);
      if (key != null && !seen.add(key)) {
        return true;
      }
    }
    return false;
  }

  /** The model and key values an update or delete pins at its filter's top level, or null. */
  private static @Nullable List<Object> pinnedKey(@Nullable StatementNode s, Schema models) {
    Source target;
    ExprNode filter;
    if (s instanceof UpdateNode u) {
      target = u.target();
      filter = u.filter();
    } else if (s instanceof DeleteNode d) {
      target = d.from();
      filter = d.filter();
    } else {
      return null;
    }
    if (!(target instanceof Source.Model m)) {
      return null;
    }
    ModelSchema model = models.model(m.model());
    List<Object> key = new ArrayList<>();
    key.add(model.name());
    for (int field : model.primaryKey()) {
      Value v = equalTo(filter, model.name(), field);
      if (v == null) {
        return null;
      }
      key.add(v);
    }
    return key;
  }

  /** The constant {@code field} is compared equal to at {@code e}'s top level, or null. */
  private static @Nullable Value equalTo(ExprNode e, String model, int field) {
    if (e instanceof ExprNode.And and) {
      for (ExprNode operand : and.operands()) {
        Value v = equalTo(operand, model, field);
        if (v != null) {
          return v;
        }
      }
      return null;
    }
    if (e instanceof ExprNode.Compare c && c.op() == ExprNode.CompareOp.EQ) {
      Value v = constantFor(c.left(), c.right(), model, field);
      return v != null ? v : constantFor(c.right(), c.left(), model, field);
    }
    return null;
  }

  private static @Nullable Value constantFor(ExprNode side, ExprNode other, String model,
      int field) {
    return side instanceof ExprNode.Field f && f.model().equals(model) && f.index() == field
        && other instanceof ExprNode.Const c && !c.value().isNull() ? c.value() : null;
  }
}
