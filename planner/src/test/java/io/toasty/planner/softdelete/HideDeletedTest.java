package io.toasty.planner.softdelete;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.toasty.planner.Fixtures;
import io.toasty.schema.Schema;
import io.toasty.schema.app.AutoStrategy;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.DeleteNode;
import io.toasty.stmt.DeletedRows;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.OnConflict;
import io.toasty.stmt.PathNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.stmt.StatementNode;
import io.toasty.stmt.UpdateNode;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The soft-delete pass on a hand-built model, Doc(id, title, deletedAt). */
class HideDeletedTest {
  private static final ModelSchema DOC = new ModelSchema("Doc", "com.example.Doc", "docs",
      List.of(
          new FieldSchema(0, "id", Type.Scalar.I64, false, null, null, "id"),
          new FieldSchema(1, "title", Type.Scalar.STRING, false, null, null, "title"),
          new FieldSchema(2, "deletedAt", Type.Scalar.INSTANT, true, AutoStrategy.SOFT_DELETE,
              null, "deleted_at")),
      List.of(0), List.of());
  private static final Schema SCHEMA = Schema.of(List.of(DOC, Fixtures.USER));
  private static final DeletedRows MARKER = DeletedRows.of(DOC);
  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00.123456789Z");
  private static final ExprNode BY_TITLE =
      Fixtures.eq(new ExprNode.Field("Doc", 1), Fixtures.str("x"));

  private static Query docs(ExprNode filter) {
    return new Query(new Source.Model("Doc"), filter, Returning.Model.plain(), List.of(), null);
  }

  private static StatementNode hide(StatementNode s) {
    return HideDeleted.apply(s, SCHEMA, NOW);
  }

  @Test
  void aPathVisitsLiveRecordsUnlessItChoseByTheMarker() {
    PathNode path = new PathNode("Doc", BY_TITLE, new PathNode.Hop.Relation("Doc", 3,
        ExprNode.TRUE), 1, 3, ExprNode.TRUE, PathNode.Mode.ALL);
    assertEquals(MARKER.live(), HideDeleted.path(path, SCHEMA).nodes());
    PathNode withDeleted = path.withNodes(MARKER.either());
    assertSame(withDeleted, HideDeleted.path(withDeleted, SCHEMA));
    PathNode users = new PathNode("User", ExprNode.TRUE, new PathNode.Hop.Relation("User", 9,
        ExprNode.TRUE), 1, 3, ExprNode.TRUE, PathNode.Mode.ALL);
    assertSame(users, HideDeleted.path(users, SCHEMA));
  }

  @Test
  void aReadSeesLiveRecordsOnce() {
    Query hidden = (Query) hide(docs(BY_TITLE));
    assertEquals(new ExprNode.And(List.of(BY_TITLE, MARKER.live())), hidden.filter());
    assertEquals(hidden, hide(hidden), "idempotent");
    assertEquals(MARKER.live(), ((Query) hide(docs(ExprNode.TRUE))).filter());
  }

  @Test
  void aFilterOnTheMarkerChoseItsRecords() {
    ExprNode only = ExprNode.and(BY_TITLE, MARKER.deleted());
    assertEquals(only, ((Query) hide(docs(only))).filter());
    ExprNode either = ExprNode.and(ExprNode.TRUE, MARKER.either());
    assertEquals(either, ((Query) hide(docs(either))).filter());
  }

  @Test
  void aDeleteStampsTheLiveRecords() {
    StatementNode stamped = hide(new DeleteNode(new Source.Model("Doc"), BY_TITLE,
        new Returning.Count()));
    Value micros = Value.of(Instant.parse("2026-11-27T10:00:00.123456Z"));
    assertEquals(new UpdateNode(new Source.Model("Doc"),
        new ExprNode.And(List.of(BY_TITLE, MARKER.live())),
        List.of(new Assignment(2, ExprNode.of(micros))), new Returning.Count()), stamped);
  }

  @Test
  void aPurgeStaysADelete() {
    DeleteNode purge = new DeleteNode(new Source.Model("Doc"),
        ExprNode.and(BY_TITLE, MARKER.either()), new Returning.Count());
    assertEquals(purge, hide(purge));
  }

  @Test
  void anUpsertRevivesADeletedRecord() {
    InsertNode upsert = new InsertNode(new Source.Model("Doc"), List.of(),
        List.of(ExprNode.Record.of(Fixtures.i64(1), Fixtures.str("x"), ExprNode.NULL)),
        Returning.Model.plain(), new OnConflict(List.of(), List.of(1), List.of()), false);
    assertEquals(List.of(1, 2), ((InsertNode) hide(upsert)).onConflict().copied());
  }

  @Test
  void aSchemaWithoutSoftDeletesIsLeftAsItIs() {
    Query users = Query.all("User");
    assertSame(users, HideDeleted.apply(users, Fixtures.SCHEMA, NOW));
    assertEquals(List.of(), HideDeleted.cascades(new DeleteNode(new Source.Model("Doc"),
        ExprNode.TRUE, new Returning.Count()), SCHEMA, NOW));
  }
}
