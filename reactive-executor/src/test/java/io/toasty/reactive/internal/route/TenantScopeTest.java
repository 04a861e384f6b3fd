package io.toasty.reactive.internal.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.toasty.Tenant;
import io.toasty.driver.Operation;
import io.toasty.error.TenantScopeException.Reason;
import io.toasty.schema.Schema;
import io.toasty.schema.app.AutoStrategy;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.PathNode;
import io.toasty.value.Type;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.util.context.Context;

/** Which raw statements and path queries a tenant scope lets through. */
class TenantScopeTest {
  private static final ModelSchema NOTE = new ModelSchema("Note", "com.example.Note", "notes",
      List.of(
          new FieldSchema(0, "id", Type.Scalar.I64, false, null, null, "id"),
          new FieldSchema(1, "tenant", Type.Scalar.STRING, false, AutoStrategy.TENANT, null,
              "tenant")),
      List.of(0), List.of());
  private static final ModelSchema TAG = new ModelSchema("Tag", "com.example.Tag", "tags",
      List.of(new FieldSchema(0, "id", Type.Scalar.I64, false, null, null, "id")),
      List.of(0), List.of());
  private static final TenantScope SCOPE = new TenantScope(Schema.of(List.of(NOTE, TAG)),
      java.time.Clock.systemUTC());
  private static final Context ACME = Tenant.use("acme").apply(Context.empty());

  private static Operation.RawSql sql(String text) {
    return new Operation.RawSql(List.of(text), List.of(), true, List.of());
  }

  @Test
  void rawTextNamingAScopedTableIsRefused() {
    var e = SCOPE.rawRefusal(sql("SELECT * FROM \"NOTES\" WHERE id = 1"), ACME);
    assertNotNull(e);
    assertEquals(Reason.RAW, e.reason());
    assertNotNull(SCOPE.rawRefusal(sql("MATCH (n:Note) RETURN n"), ACME));
    // with no tenant at all, too
    assertNotNull(SCOPE.rawRefusal(sql("select * from notes"), Context.empty()));
  }

  @Test
  void otherTablesAndWordsThatOnlyContainTheNamePass() {
    assertNull(SCOPE.rawRefusal(sql("SELECT * FROM tags"), ACME));
    assertNull(SCOPE.rawRefusal(sql("SELECT * FROM footnotes, notes_archive"), ACME));
  }

  @Test
  void noneAndRawCheckedLetItThrough() {
    assertNull(SCOPE.rawRefusal(sql("SELECT * FROM notes"),
        Tenant.none().apply(Context.empty())));
    assertNull(SCOPE.rawRefusal(sql("SELECT * FROM notes"),
        Tenant.rawChecked().apply(ACME)));
  }

  @Test
  void aPathOverAScopedModelRunsOnlyUnderNone() {
    PathNode path = new PathNode("Note", ExprNode.TRUE,
        new PathNode.Hop.Relation("Note", 2, ExprNode.TRUE), 1, 2, ExprNode.TRUE,
        PathNode.Mode.ALL);
    assertEquals(Reason.PATH, SCOPE.pathRefusal(path, ACME).reason());
    assertNull(SCOPE.pathRefusal(path, Tenant.none().apply(Context.empty())));
    assertNull(SCOPE.pathRefusal(new PathNode("Tag", ExprNode.TRUE,
        new PathNode.Hop.Relation("Tag", 1, ExprNode.TRUE), 1, 2, ExprNode.TRUE,
        PathNode.Mode.ALL), ACME));
  }
}
