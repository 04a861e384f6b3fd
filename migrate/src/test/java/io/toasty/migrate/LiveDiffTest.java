package io.toasty.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.migrate.diff.Drift;
import io.toasty.migrate.diff.DriftReport;
import io.toasty.migrate.diff.LiveDiff;
import io.toasty.migrate.live.DynamoShape;
import io.toasty.migrate.live.LiveColumn;
import io.toasty.migrate.live.LiveDefaults;
import io.toasty.migrate.live.LiveIndex;
import io.toasty.migrate.live.LiveTable;
import io.toasty.migrate.live.SqlShape;
import io.toasty.migrate.render.SqlChoices;
import io.toasty.migrate.snapshot.SchemaSnapshot;
import io.toasty.migrate.snapshot.Snapshots;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The drift check as a pure function, and each catalog's type names and default spellings against
 * the dialects'.
 */
class LiveDiffTest {
  private static final SchemaSnapshot V2 = Snapshots.of(Fixture.v2());

  @Test
  void catalogTypeNamesMatchWhatTheDialectWrites() {
    SqlShape pg = new SqlShape(SqlChoices.POSTGRESQL);
    assertEquals(pg.canonical("TIMESTAMP(6) WITH TIME ZONE"),
        pg.canonical("timestamp with time zone"));
    assertEquals(pg.canonical("TIME(6)"), pg.canonical("time without time zone"));
    assertEquals(pg.canonical("DOUBLE PRECISION"), pg.canonical("double precision"));
    assertEquals(pg.canonical("BIGINT"), pg.canonical("int8"));
    assertNotEquals(pg.canonical("INTEGER"), pg.canonical("bigint"));
    SqlShape maria = new SqlShape(SqlChoices.MARIADB);
    assertEquals(maria.canonical("BOOLEAN"), maria.canonical("tinyint(1)"));
    assertNotEquals(maria.canonical("BOOLEAN"), maria.canonical("tinyint(4)"));
    assertEquals(maria.canonical("BIGINT"), maria.canonical("bigint(20)"));
    assertEquals(maria.canonical("INT"), maria.canonical("int(11)"));
    assertEquals(maria.canonical("DECIMAL(65, 30)"), maria.canonical("decimal(65,30)"));
    assertEquals(maria.canonical("VARCHAR(255)"), maria.canonical("varchar(255)"));
    assertNotEquals(maria.canonical("VARCHAR(255)"), maria.canonical("longtext"));
    assertEquals(maria.canonical("JSON"), maria.canonical("longtext"));
    SqlShape h2 = new SqlShape(SqlChoices.H2);
    assertEquals(h2.canonical("TIMESTAMP(9) WITH TIME ZONE"),
        h2.canonical("TIMESTAMP WITH TIME ZONE"));
    assertEquals(h2.canonical("CHARACTER VARYING"), h2.canonical("character varying"));
  }

  @Test
  void aMatchingDatabaseHasNoDrift() {
    DriftReport report = LiveDiff.between(V2, Map.of("members", Optional.of(members(
        List.of(new LiveColumn("id", "text", false), new LiveColumn("display_name", "text",
            false), new LiveColumn("age", "bigint", false), new LiveColumn("nickname", "text",
            true), new LiveColumn("visits", "integer", false, "0")),
        List.of(new LiveIndex("members_nickname_idx", List.of("nickname"), false))))),
        List.of("members", "toasty_schema_history", "toasty_schema_lock"),
        new SqlShape(SqlChoices.POSTGRESQL));
    assertTrue(report.clean(), report.toString());
    assertEquals("postgresql", report.backend());
  }

  @Test
  void everyKindOfDifferenceIsReported() {
    DriftReport report = LiveDiff.between(V2, Map.of("members", Optional.of(members(
        List.of(new LiveColumn("id", "text", false), new LiveColumn("name", "text", false),
            new LiveColumn("age", "integer", false), new LiveColumn("nickname", "text", false),
            new LiveColumn("visits", "integer", false, "'1'::integer")),
        List.of(new LiveIndex("members_nickname_idx", List.of("nickname"), true),
            new LiveIndex("members_age_idx", List.of("age"), false))))),
        List.of("members", "audit_log"), new SqlShape(SqlChoices.POSTGRESQL));
    assertEquals(List.of(
        new Drift.MissingColumn("members", "display_name", "TEXT"),
        new Drift.TypeDiffers("members", "age", "BIGINT", "INTEGER"),
        new Drift.NullabilityDiffers("members", "nickname", true, false),
        new Drift.DefaultDiffers("members", "visits", "0", "'1'::integer"),
        new Drift.ExtraColumn("members", "name", "TEXT"),
        new Drift.IndexDiffers("members", "members_nickname_idx", List.of("nickname"), false,
            List.of("nickname"), true),
        new Drift.ExtraIndex("members", "members_age_idx", List.of("age"), false),
        new Drift.ExtraTable("audit_log")), report.drifts());
    assertEquals(report.drifts().subList(0, 7), report.ignoringExtraTables().drifts());
    assertEquals("members.age: type BIGINT expected, INTEGER in the database",
        report.drifts().get(1).describe());
    assertEquals("members.visits: default 0 expected, '1'::integer in the database",
        report.drifts().get(3).describe());
  }

  @Test
  void defaultsCompareByValueWhateverTheCatalogsSpelling() {
    // PostgreSQL casts, MariaDB quotes (and shows no default as NULL), H2 and SQLite as written.
    for (String zero : List.of("0", "'0'::integer", "(0)", "'0'", "0.0", "('0'::numeric)")) {
      assertTrue(LiveDefaults.same("num:0", zero), zero);
    }
    assertFalse(LiveDefaults.same("num:0", "1"));
    assertFalse(LiveDefaults.same("num:0", null));
    assertTrue(LiveDefaults.same("num:-1", "'-1'::integer"));
    assertTrue(LiveDefaults.same("num:2.50", "2.5"));
    for (String yes : List.of("true", "TRUE", "1", "'1'", "b'1'")) {
      assertTrue(LiveDefaults.same("bool:true", yes), yes);
    }
    assertFalse(LiveDefaults.same("bool:true", "0"));
    assertTrue(LiveDefaults.same("bool:false", "FALSE"));
    for (String draft : List.of("'draft'", "'draft'::text", "'draft'::character varying",
        "('draft')")) {
      assertTrue(LiveDefaults.same("str:draft", draft), draft);
    }
    assertTrue(LiveDefaults.same("str:it's", "'it''s'::text"));
    assertFalse(LiveDefaults.same("str:draft", "'Draft'"));
    assertFalse(LiveDefaults.same("str:NULL", "NULL"), "MariaDB's NULL is no default");
    assertTrue(LiveDefaults.same("str:NULL", "'NULL'"));
    for (String none : Arrays.asList(null, "NULL", "null", "NULL::character varying")) {
      assertTrue(LiveDefaults.same(null, none), String.valueOf(none));
    }
    assertFalse(LiveDefaults.same(null, "0"));

    DriftReport dropped = LiveDiff.between(V2, Map.of("members", Optional.of(members(
        List.of(new LiveColumn("id", "TEXT", false, "NULL"), new LiveColumn("display_name",
            "TEXT", false), new LiveColumn("age", "INTEGER", false), new LiveColumn("nickname",
            "TEXT", true, "NULL"), new LiveColumn("visits", "INTEGER", false)),
        List.of(new LiveIndex("members_nickname_idx", List.of("nickname"), false))))),
        List.of("members"), new SqlShape(SqlChoices.SQLITE));
    assertEquals(List.of(new Drift.DefaultDiffers("members", "visits", "0", null)),
        dropped.drifts());
    assertEquals("members.visits: default 0 expected, none in the database",
        dropped.drifts().get(0).describe());
  }

  @Test
  void dynamoDbComparesKeysAndIndexesOnly() {
    DynamoShape shape = new DynamoShape();
    DriftReport clean = LiveDiff.between(V2, Map.of("members", Optional.of(members(
        List.of(new LiveColumn("id", "S", false)),
        List.of(new LiveIndex("members_nickname_idx", List.of("nickname"), false))))),
        List.of("members", "members.unique", "toasty_schema_history"), shape);
    assertTrue(clean.clean(), clean.toString());
    DriftReport missing = LiveDiff.between(V2, Map.of("members", Optional.empty()), List.of(),
        shape);
    assertEquals(List.of(new Drift.MissingTable("members")), missing.drifts());
  }

  private static LiveTable members(List<LiveColumn> columns, List<LiveIndex> indexes) {
    return new LiveTable("members", columns, indexes);
  }
}
