package io.toasty.planner;

import io.toasty.schema.Schema;
import io.toasty.schema.app.AutoStrategy;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.IndexSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.List;

/**
 * Hand-built schemas (no codegen here): User as in docs/design/codegen.md, Todo with a UUID key,
 * Event.
 */
public final class Fixtures {
  private Fixtures() {}

  public static final int ID = 0;
  public static final int NAME = 1;
  public static final int EMAIL = 2;
  public static final int NICKNAME = 3;
  public static final int LOGIN_COUNT = 4;
  public static final int STATUS = 5;

  public static final Type STATUS_TYPE = new Type.Enum("com.example.Status",
      List.of("DRAFT", "PUBLISHED"));

  public static final ModelSchema USER = new ModelSchema("User", "com.example.User", "users",
      List.of(
          new FieldSchema(0, "id", Type.Scalar.I64, false, AutoStrategy.IDENTITY, null, "id"),
          new FieldSchema(1, "name", Type.Scalar.STRING, false, null, null, "name"),
          new FieldSchema(2, "email", Type.Scalar.STRING, false, null, null, "email"),
          new FieldSchema(3, "nickname", Type.Scalar.STRING, true, null, null, "nickname"),
          new FieldSchema(4, "loginCount", Type.Scalar.I32, false, null, new Value.I32(0),
              "login_count"),
          new FieldSchema(5, "status", STATUS_TYPE, false, null, null, "status")),
      List.of(0),
      List.of(new IndexSchema("users_email_key", List.of(2), true),
          new IndexSchema("users_nickname_idx", List.of(3), false)));

  public static final ModelSchema TODO = new ModelSchema("Todo", "com.example.Todo", "todos",
      List.of(
          new FieldSchema(0, "id", Type.Scalar.UUID, false, AutoStrategy.UUID_V7, null, "id"),
          new FieldSchema(1, "title", Type.Scalar.STRING, false, null, null, "title"),
          new FieldSchema(2, "done", Type.Scalar.BOOL, false, null, Value.FALSE, "done")),
      List.of(0), List.of());

  public static final ModelSchema EVENT = new ModelSchema("Event", "com.example.Event", "events",
      List.of(
          new FieldSchema(0, "stream", Type.Scalar.STRING, false, null, null, "stream"),
          new FieldSchema(1, "seq", Type.Scalar.I64, false, null, null, "seq"),
          new FieldSchema(2, "payload", Type.Scalar.STRING, true, null, null, "payload")),
      List.of(0, 1), List.of());

  public static final Schema SCHEMA = Schema.of(List.of(USER, TODO, EVENT));

  public static ExprNode.Field user(int field) {
    return new ExprNode.Field("User", field);
  }

  public static ExprNode.Const str(String s) {
    return new ExprNode.Const(new Value.Str(s));
  }

  public static ExprNode.Const i64(long l) {
    return new ExprNode.Const(new Value.I64(l));
  }

  public static ExprNode eq(ExprNode a, ExprNode b) {
    return new ExprNode.Compare(ExprNode.CompareOp.EQ, a, b);
  }

  public static Query users(ExprNode filter) {
    return new Query(new Source.Model("User"), filter, Returning.Model.plain(), List.of(), null);
  }

  public static ExprNode.Record userRow(
      ExprNode id,
      ExprNode name,
      ExprNode email,
      ExprNode nickname,
      ExprNode loginCount,
      ExprNode status) {
    return ExprNode.Record.of(id, name, email, nickname, loginCount, status);
  }
}
