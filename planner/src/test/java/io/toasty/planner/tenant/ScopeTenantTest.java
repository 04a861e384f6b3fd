package io.toasty.planner.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.toasty.Tenant;
import io.toasty.error.TenantScopeException;
import io.toasty.error.TenantScopeException.Reason;
import io.toasty.planner.Fixtures;
import io.toasty.schema.Schema;
import io.toasty.schema.app.AutoStrategy;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.OnConflict;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.stmt.StatementNode;
import io.toasty.stmt.UpdateNode;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tenant pass on a hand-built tenant-scoped model, Note(id, tenant, body). */
class ScopeTenantTest {
  private static final ModelSchema NOTE = new ModelSchema("Note", "com.example.Note", "notes",
      List.of(
          new FieldSchema(0, "id", Type.Scalar.I64, false, null, null, "id"),
          new FieldSchema(1, "tenant", Type.Scalar.STRING, false, AutoStrategy.TENANT, null,
              "tenant"),
          new FieldSchema(2, "body", Type.Scalar.STRING, false, null, null, "body")),
      List.of(0), List.of());
  private static final Schema SCHEMA = Schema.of(List.of(NOTE, Fixtures.USER));
  private static final ExprNode ACME_EQ = Fixtures.eq(new ExprNode.Field("Note", 1),
      Fixtures.str("acme"));

  private static Query notes(ExprNode filter) {
    return new Query(new Source.Model("Note"), filter, Returning.Model.plain(), List.of(), null);
  }

  private static StatementNode scope(StatementNode s, Tenant t) {
    return ScopeTenant.apply(s, SCHEMA, t);
  }

  @Test
  void aReadGetsTheTenantsEqualityOnce() {
    ExprNode byBody = Fixtures.eq(new ExprNode.Field("Note", 2), Fixtures.str("x"));
    Query scoped = (Query) scope(notes(byBody), Tenant.of("acme"));
    assertEquals(new ExprNode.And(List.of(byBody, ACME_EQ)), scoped.filter());
    assertEquals(scoped, scope(scoped, Tenant.of("acme")), "idempotent");
    assertEquals(ACME_EQ, ((Query) scope(notes(ExprNode.TRUE), Tenant.of("acme"))).filter());
  }

  @Test
  void aModelWithoutATenantIsLeftAsItIs() {
    Query users = Fixtures.users(ExprNode.TRUE);
    assertEquals(users, scope(users, Tenant.of("acme")));
    assertEquals(users, scope(users, null));
  }

  @Test
  void noTenantIsRefusedAndNoneOptsOut() {
    var e = assertThrows(TenantScopeException.class, () -> scope(notes(ExprNode.TRUE), null));
    assertEquals(Reason.MISSING, e.reason());
    assertEquals("Note", e.model().orElseThrow());
    Query all = notes(ExprNode.TRUE);
    assertEquals(all, scope(all, Tenant.NONE));
  }

  @Test
  void aCreateIsStampedAndAnotherTenantRefused() {
    InsertNode create = insert(new ExprNode.Default(), null);
    InsertNode stamped = (InsertNode) scope(create, Tenant.of("acme"));
    assertEquals(Fixtures.str("acme"), stamped.rows().get(0).fields().get(1));
    var e = assertThrows(TenantScopeException.class,
        () -> scope(insert(Fixtures.str("globex"), null), Tenant.of("acme")));
    assertEquals(Reason.OTHER_TENANT, e.reason());
    assertEquals("tenant", e.field().orElseThrow());
    assertThrows(TenantScopeException.class, () -> scope(create, Tenant.NONE));
  }

  @Test
  void anUpsertOnAKeyWithoutTheTenantIsRefused() {
    var e = assertThrows(TenantScopeException.class, () -> scope(
        insert(new ExprNode.Default(), new OnConflict(List.of(), List.of(2), List.of())),
        Tenant.of("acme")));
    assertEquals(Reason.OTHER_TENANT, e.reason());
  }

  @Test
  void anUpdateCannotMoveARecordToAnotherTenant() {
    UpdateNode move = new UpdateNode(new Source.Model("Note"), ExprNode.TRUE,
        List.of(new Assignment(1, Fixtures.str("globex"))), new Returning.Count());
    assertThrows(TenantScopeException.class, () -> scope(move, Tenant.of("acme")));
    UpdateNode scoped = (UpdateNode) scope(move, Tenant.of("globex"));
    assertEquals(Fixtures.eq(new ExprNode.Field("Note", 1), Fixtures.str("globex")),
        scoped.filter());
  }

  @Test
  void subqueriesAreScopedToo() {
    Query ids = notes(ExprNode.TRUE).withReturning(
        new Returning.Project(List.of(new ExprNode.Field("Note", 0))));
    Query users = Fixtures.users(new ExprNode.InSubquery(Fixtures.user(Fixtures.ID), ids));
    Query scoped = (Query) scope(users, Tenant.of("acme"));
    ExprNode.InSubquery in = (ExprNode.InSubquery) scoped.filter();
    assertEquals(ACME_EQ, in.query().filter());
  }

  @Test
  void theSameInstanceComesBackForASchemaWithoutTenants() {
    Query users = Fixtures.users(ExprNode.TRUE);
    assertSame(users, ScopeTenant.apply(users, Fixtures.SCHEMA, null));
  }

  private static InsertNode insert(ExprNode tenant, OnConflict conflict) {
    return new InsertNode(new Source.Model("Note"), List.of(), List.of(ExprNode.Record.of(
        new ExprNode.Const(new Value.I64(1)), tenant, Fixtures.str("hi"))),
        Returning.Model.plain(), conflict);
  }
}
