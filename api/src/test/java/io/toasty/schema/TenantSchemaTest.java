package io.toasty.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.schema.app.AutoStrategy;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.IndexSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.app.RelationSchema;
import io.toasty.schema.app.TenantIndexes;
import io.toasty.value.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a tenant-scoped model's schema is made of: unique indexes led by the tenant, an index on
 * the tenant where none leads with it, an {@code @Unique}'s conflict target widened to its
 * per-tenant index, and a many-to-many among scoped models joined on the tenant (the TCK's
 * {@code TenancyScenarios} run them on every backend).
 */
class TenantSchemaTest {
  private static FieldSchema field(int index, String name, AutoStrategy auto) {
    return new FieldSchema(index, name, Type.Scalar.STRING, false, auto, null, name);
  }

  private static List<FieldSchema> fields(boolean scoped) {
    return List.of(field(0, "id", null), field(1, "tenant", scoped ? AutoStrategy.TENANT : null),
        field(2, "email", null), field(3, "name", null));
  }

  private static ModelSchema members(boolean scoped, List<Integer> key, IndexSchema... indexes) {
    return new ModelSchema("Member", "t.Member", "members", fields(scoped), key,
        List.of(indexes));
  }

  @Test
  void uniqueIndexesLeadWithTheTenantAndATenantIndexIsAdded() {
    ModelSchema m = members(true, List.of(0), new IndexSchema("members_email_key", List.of(2),
        true), new IndexSchema("members_name_tenant_key", List.of(3, 1), true),
        new IndexSchema("members_name_idx", List.of(3), false));
    assertEquals(List.of(new IndexSchema("members_email_key", List.of(1, 2), true),
        new IndexSchema("members_name_tenant_key", List.of(3, 1), true),
        new IndexSchema("members_name_idx", List.of(3), false)), m.indexes());
  }

  @Test
  void aTenantIndexIsAddedOnlyWhereNothingLeadsWithTheTenant() {
    assertEquals(List.of(new IndexSchema("members_tenant_idx", List.of(1), false)),
        members(true, List.of(0)).indexes());
    assertEquals(List.of(), members(true, List.of(1, 0)).indexes());
    assertEquals(List.of(new IndexSchema("members_email_key", List.of(2), true)),
        members(false, List.of(0), new IndexSchema("members_email_key", List.of(2), true))
            .indexes());
  }

  @Test
  void anUniquesFieldsNameItsPerTenantIndexAsAConflictTarget() {
    ModelSchema m = members(true, List.of(0), new IndexSchema("members_email_key", List.of(2),
        true));
    assertEquals(List.of(1, 2), TenantIndexes.conflictTarget(m, List.of(2)));
    assertEquals(List.of(0), TenantIndexes.conflictTarget(m, List.of(0)));
    assertEquals(List.of(3), TenantIndexes.conflictTarget(m, List.of(3)));
  }

  @Test
  void aManyToManyAmongScopedModelsJoinsOnTheTenant() {
    List<Integer> via = Schema.of(teams(true)).model("Team").relation("players").through()
        .sourceFields();
    assertEquals(List.of(2, 1), via);
    RelationSchema players = Schema.of(teams(true)).model("Team").relation("players");
    assertEquals(List.of(0, 1), players.sourceFields());
    assertEquals(List.of(3, 1), players.through().targetFields());
    assertEquals(List.of(0, 1), players.targetFields());
    assertEquals(List.of(2), Schema.of(teams(false)).model("Team").relation("players")
        .through().sourceFields());
  }

  /** Team -> Roster -> Player, the roster tenant-scoped when {@code joinScoped}. */
  private static List<ModelSchema> teams(boolean joinScoped) {
    List<FieldSchema> end = List.of(field(0, "id", null), field(1, "tenant", AutoStrategy.TENANT));
    RelationSchema rosters = new RelationSchema(0, "rosters", RelationSchema.Kind.HAS_MANY,
        "Roster", "team", List.of(0), List.of(2), false, null, List.of(), false, 0, null, null);
    RelationSchema players = new RelationSchema(1, "players", RelationSchema.Kind.HAS_MANY,
        "Player", "", List.of(0), List.of(0), false, new RelationSchema.Through("Roster",
        List.of("rosters", "player"), List.of(2), List.of(3)), List.of(), false, 0, null, null);
    ModelSchema team = new ModelSchema("Team", "t.Team", "teams", end, List.of(0), List.of(),
        List.of(rosters, players));
    ModelSchema player = new ModelSchema("Player", "t.Player", "players", end, List.of(0),
        List.of());
    List<FieldSchema> rosterFields = List.of(field(0, "id", null),
        field(1, "tenant", joinScoped ? AutoStrategy.TENANT : null), field(2, "teamId", null),
        field(3, "playerId", null));
    RelationSchema toTeam = new RelationSchema(0, "team", RelationSchema.Kind.BELONGS_TO, "Team",
        "", List.of(2), List.of(0), false, null, List.of(), false, 0, null, null);
    RelationSchema toPlayer = new RelationSchema(1, "player", RelationSchema.Kind.BELONGS_TO,
        "Player", "", List.of(3), List.of(0), false, null, List.of(), false, 0, null, null);
    ModelSchema roster = new ModelSchema("Roster", "t.Roster", "rosters", rosterFields,
        List.of(0), List.of(), List.of(toTeam, toPlayer));
    return List.of(team, player, roster);
  }
}
