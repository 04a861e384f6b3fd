package io.toasty.reactive.internal.hook;

import io.toasty.schema.app.ModelSchema;
import io.toasty.stmt.ExprNode;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;

/** Filters that match records by the values of some of their fields (a key, a foreign key). */
final class KeyFilters {
  private KeyFilters() {}

  /** The records of {@code model} whose primary key is that of one of {@code records}. */
  static ExprNode of(ModelSchema model, List<Value.Record> records) {
    return matching(model.name(), model.primaryKey(), model.primaryKey(), records);
  }

  /**
   * The records of {@code model} whose fields {@code fields} hold the values of one of
   * {@code records}' fields {@code from}, in that order.
   */
  static ExprNode matching(String model, List<Integer> fields, List<Integer> from,
      List<Value.Record> records) {
    List<ExprNode> any = new ArrayList<>(records.size());
    for (Value.Record r : records) {
      List<ExprNode> all = new ArrayList<>(fields.size());
      for (int i = 0; i < fields.size(); i++) {
        all.add(new ExprNode.Compare(ExprNode.CompareOp.EQ,
            new ExprNode.Field(model, fields.get(i)), new ExprNode.Const(r.get(from.get(i)))));
      }
      any.add(all.size() == 1 ? all.get(0) : new ExprNode.And(all));
    }
    return any.size() == 1 ? any.get(0) : new ExprNode.Or(any);
  }
}
