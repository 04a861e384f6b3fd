package io.toasty.r2dbc;

import io.toasty.schema.Schema;
import io.toasty.schema.app.AutoStrategy;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.IndexSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.stmt.ExprNode;
import io.toasty.value.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Hand-built schemas and helpers shared by the tests. */
public final class Fixtures {
  private Fixtures() {}

  public static final Type.Enum STATUS = new Type.Enum("com.example.Status",
      List.of("ACTIVE", "BLOCKED"));

  /** users: id (identity), name, email (unique), nickname (nullable, indexed), login_count, status. */
  public static final ModelSchema USER = new ModelSchema("User", "com.example.User", "users",
      List.of(
          new FieldSchema(0, "id", Type.Scalar.I64, false, AutoStrategy.IDENTITY, null, "id"),
          new FieldSchema(1, "name", Type.Scalar.STRING, false, null, null, "name"),
          new FieldSchema(2, "email", Type.Scalar.STRING, false, null, null, "email"),
          new FieldSchema(3, "nickname", Type.Scalar.STRING, true, null, null, "nickname"),
          new FieldSchema(4, "loginCount", Type.Scalar.I32, false, null, null, "login_count"),
          new FieldSchema(5, "status", STATUS, false, null, null, "status")),
      List.of(0),
      List.of(new IndexSchema("users_email_key", List.of(2), true),
          new IndexSchema("users_nickname_idx", List.of(3), false)));

  /** posts: id, user_id, title; a unique (user_id, title). */
  public static final ModelSchema POST = new ModelSchema("Post", "com.example.Post", "posts",
      List.of(
          new FieldSchema(0, "id", Type.Scalar.I64, false, AutoStrategy.IDENTITY, null, "id"),
          new FieldSchema(1, "userId", Type.Scalar.I64, false, null, null, "user_id"),
          new FieldSchema(2, "title", Type.Scalar.STRING, false, null, null, "title")),
      List.of(0),
      List.of(new IndexSchema("posts_user_id_title_key", List.of(1, 2), true)));

  /** memberships: composite key (org_id, user_id), role. */
  public static final ModelSchema MEMBERSHIP = new ModelSchema("Membership",
      "com.example.Membership", "memberships",
      List.of(
          new FieldSchema(0, "orgId", Type.Scalar.I64, false, null, null, "org_id"),
          new FieldSchema(1, "userId", Type.Scalar.I64, false, null, null, "user_id"),
          new FieldSchema(2, "role", Type.Scalar.STRING, false, null, null, "role")),
      List.of(0, 1),
      List.of());

  /** Every scalar type, in {@link #SCALARS} order after the key; all nullable. */
  public static final List<Type> SCALARS = List.of(Type.Scalar.BOOL, Type.Scalar.I8,
      Type.Scalar.I16, Type.Scalar.I32, Type.Scalar.I64, Type.Scalar.F32, Type.Scalar.F64,
      Type.Scalar.STRING, Type.Scalar.BYTES, Type.Scalar.UUID, Type.Scalar.DECIMAL,
      Type.Scalar.INSTANT, Type.Scalar.LOCAL_DATE, Type.Scalar.LOCAL_TIME,
      Type.Scalar.LOCAL_DATE_TIME, Type.Scalar.OFFSET_DATE_TIME, STATUS);

  public static final ModelSchema ALL_TYPES = allTypes();

  private static ModelSchema allTypes() {
    List<FieldSchema> fields = new ArrayList<>();
    fields.add(new FieldSchema(0, "id", Type.Scalar.I64, false, null, null, "id"));
    for (int i = 0; i < SCALARS.size(); i++) {
      Type t = SCALARS.get(i);
      String name = t instanceof Type.Enum ? "v_enum" : "v_" + t.toString().toLowerCase();
      fields.add(new FieldSchema(i + 1, name, t, true, null, null, name));
    }
    return new ModelSchema("AllTypes", "com.example.AllTypes", "all_types", fields, List.of(0),
        List.of());
  }

  public static final Schema SCHEMA = Schema.of(List.of(USER, POST, MEMBERSHIP, ALL_TYPES));

  /** A fresh in-memory H2 URL. */
  public static String memUrl() {
    return "r2dbc:h2:mem:///t" + UUID.randomUUID().toString().replace("-", "");
  }

  public static ExprNode.Column col(String table, int index) {
    return new ExprNode.Column(table, index);
  }

  public static ExprNode.Arg arg(int index) {
    return new ExprNode.Arg(index);
  }
}
