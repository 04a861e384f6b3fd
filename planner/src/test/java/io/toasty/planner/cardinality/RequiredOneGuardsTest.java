package io.toasty.planner.cardinality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.error.InvalidStatementException;
import io.toasty.schema.Schema;
import io.toasty.schema.app.AutoStrategy;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.app.RelationSchema;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.DeleteNode;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.stmt.UpdateNode;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which writes a ship's required {@code HasOne<Captain>} guards: a delete or move of captains
 * (their ships probed before the write), the ship a captain moves to (by value), a delete
 * cascading from the dock a captain requires; not a delete of the ship itself.
 */
class RequiredOneGuardsTest {
  private static final ModelSchema SHIP = new ModelSchema("Ship", "x.Ship", "ships",
      List.of(new FieldSchema(0, "id", Type.Scalar.I64, false, AutoStrategy.IDENTITY, null, "id")),
      List.of(0), List.of(),
      List.of(new RelationSchema(0, "captain", RelationSchema.Kind.HAS_ONE, "Captain", "ship",
          List.of(0), List.of(1), false, null, List.of(), false, 0)));
  private static final ModelSchema DOCK = new ModelSchema("Dock", "x.Dock", "docks",
      List.of(new FieldSchema(0, "id", Type.Scalar.I64, false, AutoStrategy.IDENTITY, null, "id")),
      List.of(0), List.of(), List.of());
  private static final ModelSchema CAPTAIN = new ModelSchema("Captain", "x.Captain", "captains",
      List.of(new FieldSchema(0, "id", Type.Scalar.I64, false, AutoStrategy.IDENTITY, null, "id"),
          new FieldSchema(1, "shipId", Type.Scalar.I64, true, null, null, "ship_id"),
          new FieldSchema(2, "dockId", Type.Scalar.I64, false, null, null, "dock_id")),
      List.of(0), List.of(),
      List.of(new RelationSchema(0, "ship", RelationSchema.Kind.BELONGS_TO, "Ship", "",
              List.of(1), List.of(0), true, null),
          new RelationSchema(1, "dock", RelationSchema.Kind.BELONGS_TO, "Dock", "",
              List.of(2), List.of(0), false, null)));
  private static final CardinalityGuards GUARDS =
      new CardinalityGuards(Schema.of(List.of(SHIP, DOCK, CAPTAIN)));
  private static final ExprNode BY_ID = ExprNode.eq(new ExprNode.Field("Captain", 0),
      new ExprNode.Const(new Value.I64(5)));

  @Test
  void aDeleteOfCaptainsProbesTheirShips() {
    List<CardinalityGuard> guards = GUARDS.of(new DeleteNode(new Source.Model("Captain"), BY_ID,
        new Returning.Count()));
    assertEquals(1, guards.size());
    CardinalityGuard g = guards.get(0);
    assertTrue(g.required());
    assertNull(g.key());
    assertEquals(BY_ID, g.probe());
    assertEquals("Ship", g.owner());
  }

  @Test
  void aMoveProbesTheShipLeftAndGuardsTheShipJoined() {
    List<CardinalityGuard> guards = GUARDS.of(move(new ExprNode.Const(new Value.I64(7))));
    assertEquals(2, guards.size());
    assertEquals(BY_ID, guards.get(0).probe());
    assertEquals(new Value.Record(List.of(new Value.I64(7))), guards.get(1).key());
    assertEquals(1, GUARDS.of(move(new ExprNode.Const(Value.NULL))).size());
    assertThrows(InvalidStatementException.class,
        () -> GUARDS.of(move(new ExprNode.Field("Captain", 0))));
  }

  @Test
  void aCascadeFromTheDockProbesThroughIt() {
    ExprNode dock =
        ExprNode.eq(new ExprNode.Field("Dock", 0), new ExprNode.Const(new Value.I64(1)));
    List<CardinalityGuard> guards = GUARDS.of(new DeleteNode(new Source.Model("Dock"), dock,
        new Returning.Count()));
    assertEquals(1, guards.size());
    ExprNode.Related r = assertInstanceOf(ExprNode.Related.class, guards.get(0).probe());
    assertEquals(dock, r.filter());
  }

  @Test
  void aDeleteOfTheShipIsNoLoss() {
    assertEquals(List.of(), GUARDS.of(new DeleteNode(new Source.Model("Ship"),
        ExprNode.eq(new ExprNode.Field("Ship", 0), new ExprNode.Const(new Value.I64(1))),
        new Returning.Count())));
  }

  private static UpdateNode move(ExprNode to) {
    return new UpdateNode(new Source.Model("Captain"), BY_ID, List.of(new Assignment(1, to)),
        new Returning.Count());
  }
}
