package io.toasty.migrate;

import io.toasty.schema.Schema;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.IndexSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;

/** Two versions of a member model, built directly, for the module's tests. */
final class Fixture {
  private Fixture() {}

  /** {@code Member(id, name, age int)}. */
  static Schema v1() {
    return Schema.of(List.of(new ModelSchema("Member", "t.Member", "members", List.of(
        field(0, "id", Type.Scalar.STRING, false, null, "id", null),
        field(1, "name", Type.Scalar.STRING, false, null, "name", null),
        field(2, "age", Type.Scalar.I32, false, null, "age", null)), List.of(0), List.of())));
  }

  /** name renamed display_name, age long, nickname added and indexed, visits default 0. */
  static Schema v2() {
    List<FieldSchema> fields = new ArrayList<>(List.of(
        field(0, "id", Type.Scalar.STRING, false, null, "id", null),
        field(1, "displayName", Type.Scalar.STRING, false, null, "display_name", "name"),
        field(2, "age", Type.Scalar.I64, false, null, "age", null),
        field(3, "nickname", Type.Scalar.STRING, true, null, "nickname", null),
        field(4, "visits", Type.Scalar.I32, false, new Value.I32(0), "visits", null)));
    return Schema.of(List.of(new ModelSchema("Member", "t.Member", "members", fields,
        List.of(0), List.of(new IndexSchema("members_nickname_idx", List.of(3), false)))));
  }

  static FieldSchema field(int index, String name, Type type, boolean nullable,
      Value defaultValue, String column, String renamedFrom) {
    return new FieldSchema(index, name, type, nullable, null, defaultValue, column, null, false,
        renamedFrom);
  }
}
