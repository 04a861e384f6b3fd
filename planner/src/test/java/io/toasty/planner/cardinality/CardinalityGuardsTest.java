package io.toasty.planner.cardinality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.error.CardinalityException;
import io.toasty.error.InvalidStatementException;
import io.toasty.schema.Schema;
import io.toasty.schema.app.AutoStrategy;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.app.RelationSchema;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.stmt.UpdateNode;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which writes a team's {@code @AtMost(2) players} guards: inserts and updates pointing players
 * at a team by value (merged per team), a new team's nested players counted at once; unlinks and
 * other models not at all.
 */
class CardinalityGuardsTest {
  private static final ModelSchema TEAM = new ModelSchema("Team", "x.Team", "teams",
      List.of(new FieldSchema(0, "id", Type.Scalar.I64, false, AutoStrategy.IDENTITY, null, "id"),
          new FieldSchema(1, "name", Type.Scalar.STRING, false, null, null, "name")),
      List.of(0), List.of(),
      List.of(new RelationSchema(0, "players", RelationSchema.Kind.HAS_MANY, "Player", "team",
          List.of(0), List.of(1), false, null, List.of(), false, 2)));
  private static final ModelSchema PLAYER = new ModelSchema("Player", "x.Player", "players",
      List.of(new FieldSchema(0, "id", Type.Scalar.I64, false, AutoStrategy.IDENTITY, null, "id"),
          new FieldSchema(1, "teamId", Type.Scalar.I64, true, null, null, "team_id")),
      List.of(0), List.of(),
      List.of(new RelationSchema(0, "team", RelationSchema.Kind.BELONGS_TO, "Team", "",
          List.of(1), List.of(0), true, null)));
  private static final CardinalityGuards GUARDS =
      new CardinalityGuards(Schema.of(List.of(TEAM, PLAYER)));

  private static ExprNode.Record player(ExprNode teamId) {
    return new ExprNode.Record(List.of(new ExprNode.Default(), teamId, new ExprNode.Default()));
  }

  private static ExprNode team(long id) {
    return new ExprNode.Const(new Value.I64(id));
  }

  private static InsertNode players(ExprNode.Record... rows) {
    return new InsertNode(new Source.Model("Player"), List.of(), List.of(rows),
        Returning.Model.plain());
  }

  @Test
  void anInsertPointingAtATeamIsGuardedOncePerTeam() {
    List<CardinalityGuard> guards = GUARDS.of(players(player(team(7)), player(team(7)),
        player(team(8)), player(ExprNode.NULL)));
    assertEquals(2, guards.size());
    assertEquals(new Value.Record(List.of(new Value.I64(7))), guards.get(0).key());
    assertEquals(2, guards.get(0).added());
    assertEquals("players", guards.get(0).relation());
    assertEquals(List.of(1), guards.get(0).countedFields());
    assertEquals(1, guards.get(1).added());
  }

  @Test
  void aNewTeamsNestedPlayersAreCountedBeforeSending() {
    ExprNode.Record newTeam =
        new ExprNode.Record(
            List.of(
                new ExprNode.Default(),
                new ExprNode.Const(new Value.Str("reds")),
                new ExprNode.Stmt(
                    players(
                        player(new ExprNode.Default()),
                        player(new ExprNode.Default()),
                        player(new ExprNode.Default())))));
    InsertNode teams = new InsertNode(new Source.Model("Team"), List.of(), List.of(newTeam),
        Returning.Model.plain());
    CardinalityException e = assertThrows(CardinalityException.class, () -> GUARDS.of(teams));
    assertEquals(3, e.count());
    assertEquals(2, e.limit());
    assertTrue(e.getMessage().startsWith("Team.players: at most 2"), e.getMessage());
  }

  @Test
  void anUpdateOfTheKeyIsGuardedWithItsFilter() {
    ExprNode filter = ExprNode.eq(new ExprNode.Field("Player", 0), team(1));
    List<CardinalityGuard> guards = GUARDS.of(new UpdateNode(new Source.Model("Player"), filter,
        List.of(new Assignment(1, team(7))), new Returning.Count()));
    assertEquals(1, guards.size());
    assertEquals(filter, guards.get(0).moved());
    assertTrue(GUARDS.of(new UpdateNode(new Source.Model("Player"), filter,
        List.of(new Assignment(1, ExprNode.NULL)), new Returning.Count())).isEmpty());
  }

  @Test
  void anUpdateToAnExpressionIsRefused() {
    UpdateNode moved = new UpdateNode(new Source.Model("Player"), ExprNode.TRUE,
        List.of(new Assignment(1, new ExprNode.Field("Player", 0))), new Returning.Count());
    InvalidStatementException e = assertThrows(InvalidStatementException.class,
        () -> GUARDS.of(moved));
    assertTrue(e.getMessage().contains("Team.players (@AtMost(2))"), e.getMessage());
  }

  @Test
  void aSchemaWithoutLimitsGuardsNothing() {
    CardinalityGuards none = new CardinalityGuards(Schema.of(List.of(PLAYER,
        new ModelSchema("Team", "x.Team", "teams", TEAM.fields(), List.of(0), List.of(),
            List.of(new RelationSchema(0, "players", RelationSchema.Kind.HAS_MANY, "Player",
                "team", List.of(0), List.of(1), false, null))))));
    assertFalse(none.any());
    assertTrue(none.of(players(player(team(7)))).isEmpty());
  }
}
