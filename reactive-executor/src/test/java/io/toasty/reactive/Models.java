package io.toasty.reactive;

import io.toasty.ModelDef;
import io.toasty.schema.app.AutoStrategy;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.IndexSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.value.RowReader;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Hand-written model definitions whose records are their rows (no codegen in this module). */
final class Models {
  private Models() {}

  static final ModelSchema USER = new ModelSchema("User", "test.User", "users", List.of(
      new FieldSchema(0, "id", Type.Scalar.I64, false, AutoStrategy.IDENTITY, null, "id"),
      new FieldSchema(1, "name", Type.Scalar.STRING, false, null, null, "name"),
      new FieldSchema(2, "email", Type.Scalar.STRING, false, null, null, "email"),
      new FieldSchema(3, "nickname", Type.Scalar.STRING, true, null, null, "nickname")),
      List.of(0), List.of(new IndexSchema("users_email_key", List.of(2), true)));

  static final ModelSchema TODO = new ModelSchema("Todo", "test.Todo", "todos", List.of(
      new FieldSchema(0, "id", Type.Scalar.UUID, false, AutoStrategy.UUID_V7, null, "id"),
      new FieldSchema(1, "title", Type.Scalar.STRING, false, null, null, "title"),
      new FieldSchema(2, "done", Type.Scalar.BOOL, false, null, Value.FALSE, "done")),
      List.of(0), List.of());

  static final ModelDef<Value.Record> USERS = def(USER);
  static final ModelDef<Value.Record> TODOS = def(TODO);

  /** Users read straight from their rows by a {@code RowReader}, as generated models are. */
  static final ModelDef<Value.Record> READ_USERS = def(USER, row -> Value.Record.of(
      row.value(0, Type.Scalar.I64), row.value(1, Type.Scalar.STRING),
      row.value(2, Type.Scalar.STRING), row.value(3, Type.Scalar.STRING)));

  static ModelDef<Value.Record> def(ModelSchema schema) {
    return def(schema, null);
  }

  /** {@code schema}'s records as their rows, read by {@code reader} (null: by {@code load}). */
  static ModelDef<Value.Record> def(ModelSchema schema,
      RowReader<Value.Record> reader) {
    return new ModelDef<>() {
      @Override public ModelSchema schema() {
        return schema;
      }

      @Override public Class<Value.Record> type() {
        return Value.Record.class;
      }

      @Override public Value.Record load(Value.Record row) {
        return row;
      }

      @Override public RowReader<Value.Record> rowReader() {
        return reader;
      }

      @Override public Value.Record values(Value.Record record) {
        return record;
      }
    };
  }

  static ExprNode.Field user(int i) {
    return new ExprNode.Field("User", i);
  }

  /** A get of the user {@code id}: {@code id = id}, nothing else, as a finder's. */
  static Query userById(long id) {
    return Query.all("User").withFilter(new ExprNode.Compare(ExprNode.CompareOp.EQ, user(0),
        new ExprNode.Const(new Value.I64(id))));
  }

  /** Users 1..{@code n} as rows by id: name {@code u<id>}, email {@code u<id>@example.com}. */
  static Map<Long, Value.Record> storedUsers(int n) {
    Map<Long, Value.Record> stored = new TreeMap<>();
    for (long id = 1; id <= n; id++) {
      stored.put(id, Value.Record.of(new Value.I64(id), new Value.Str("u" + id),
          new Value.Str("u" + id + "@example.com"), Value.NULL));
    }
    return stored;
  }

  static ExprNode.Const str(String s) {
    return new ExprNode.Const(new Value.Str(s));
  }

  static ExprNode.Const i64(long l) {
    return new ExprNode.Const(new Value.I64(l));
  }

  static ExprNode eq(ExprNode a, ExprNode b) {
    return new ExprNode.Compare(ExprNode.CompareOp.EQ, a, b);
  }

  static Query users(ExprNode filter) {
    return new Query(new Source.Model("User"), filter, Returning.Model.plain(), List.of(), null);
  }

  /** A create of one user, returning it. */
  static InsertNode insertUser(String name) {
    return new InsertNode(new Source.Model("User"), List.of(), List.of(ExprNode.Record.of(
        new ExprNode.Default(), str(name), str(name + "@example.com"), new ExprNode.Default())),
        Returning.Model.plain());
  }

  /** A create of two todos: two inserts (a transaction) on a backend without multi-row inserts. */
  static InsertNode twoTodos() {
    ExprNode.Record row =
        ExprNode.Record.of(new ExprNode.Default(), str("t"), new ExprNode.Default());
    return new InsertNode(new Source.Model("Todo"), List.of(), List.of(row, row),
        Returning.Model.plain());
  }

  static Value.Record userRow(long id) {
    return Value.Record.of(new Value.I64(id), new Value.Str("user" + id),
        new Value.Str("user" + id + "@example.com"), Value.NULL);
  }
}
