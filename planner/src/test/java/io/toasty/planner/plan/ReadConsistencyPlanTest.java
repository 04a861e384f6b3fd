package io.toasty.planner.plan;

import static io.toasty.planner.Fixtures.eq;
import static io.toasty.planner.Fixtures.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.driver.Capability;
import io.toasty.planner.cache.Parameterize;
import io.toasty.planner.lower.Lower;
import io.toasty.planner.plan.node.FindPkByIndex;
import io.toasty.planner.plan.node.Mir;
import io.toasty.planner.simplify.Simplify;
import io.toasty.schema.Schema;
import io.toasty.schema.app.AutoStrategy;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.IndexSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.stmt.DeleteNode;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.ReadConsistency;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.stmt.StatementNode;
import io.toasty.value.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which reads by an index a key-value backend answers from the index's copy of the items (one
 * index Query) and which read the keys from it and then the items by key: by default a
 * non-unique index is read alone, a unique one (through its uniqueness item) and the reads of
 * writes stay strongly consistent; {@code EVENTUAL} and {@code STRONG} say otherwise
 * for queries (docs/dynamodb.md, "Reads by an index").
 */
class ReadConsistencyPlanTest {
  static final Capability KV = Capability.DYNAMODB;
  static final int ID = 0;
  static final int EMAIL = 1;
  static final int TEAM = 2;

  /** A member: a unique email, an indexed team. */
  static final ModelSchema MEMBER = new ModelSchema("Member", "com.example.Member", "members",
      List.of(
          new FieldSchema(ID, "id", Type.Scalar.I64, false, AutoStrategy.IDENTITY, null, "id"),
          new FieldSchema(EMAIL, "email", Type.Scalar.STRING, false, null, null, "email"),
          new FieldSchema(TEAM, "team", Type.Scalar.STRING, false, null, null, "team")),
      List.of(ID), List.of(new IndexSchema("members_email_idx", List.of(EMAIL), true),
          new IndexSchema("members_team_idx", List.of(TEAM), false)));
  static final Schema SCHEMA = Schema.of(List.of(MEMBER));

  static ExprNode.Field f(int field) {
    return new ExprNode.Field("Member", field);
  }

  static Query members(ExprNode filter) {
    return new Query(new Source.Model("Member"), filter, Returning.Model.plain(), List.of(),
        null);
  }

  static Mir mir(StatementNode s) {
    var shape = Parameterize.of(s);
    StatementNode simplified = Simplify.statement(shape.statement(), SCHEMA);
    return Plan.plan(Lower.lower(simplified, SCHEMA, KV, shape.args().size()), SCHEMA, KV);
  }

  static String kinds(StatementNode s) {
    return Plans.kinds(mir(s));
  }

  @Test
  void aNonUniqueIndexIsReadAloneByDefault() {
    Mir mir = mir(members(eq(f(TEAM), str("red"))));
    assertEquals("FindPkByIndex", Plans.kinds(mir));
    FindPkByIndex read = (FindPkByIndex) mir.nodes().get(0);
    assertEquals(3, read.columns().size(), "the items' every column, from the index");
  }

  @Test
  void aUniqueIndexReadsItsKeyThenTheItemByDefault() {
    Mir mir = mir(members(eq(f(EMAIL), str("ann@example.com"))));
    assertEquals("FindPkByIndex, GetByKey", Plans.kinds(mir));
    FindPkByIndex keys = (FindPkByIndex) mir.nodes().get(0);
    assertTrue(keys.columns().isEmpty(), "keys only: the driver reads the uniqueness item");
  }

  @Test
  void eventualReadsEvenAUniqueIndexAlone() {
    assertEquals("FindPkByIndex", kinds(members(eq(f(EMAIL), str("ann@example.com")))
        .withConsistency(ReadConsistency.EVENTUAL)));
  }

  @Test
  void strongReadsEveryIndexByKey() {
    assertEquals("FindPkByIndex, GetByKey", kinds(members(eq(f(TEAM), str("red")))
        .withConsistency(ReadConsistency.STRONG)));
  }

  @Test
  void aCountKeepsTheQuerysConsistency() {
    Query count = members(eq(f(TEAM), str("red"))).withReturning(new Returning.Count());
    assertEquals("FindPkByIndex, CountRows", kinds(count));
    assertEquals("FindPkByIndex, GetByKey, CountRows",
        kinds(count.withConsistency(ReadConsistency.STRONG)));
  }

  @Test
  void aDeleteTakesOnlyKeysFromTheIndexAndDeletesEachUnderItsCondition() {
    Mir mir = mir(new DeleteNode(new Source.Model("Member"), eq(f(TEAM), str("red")),
        new Returning.Count()));
    assertEquals("FindPkByIndex, DeleteByKey", Plans.kinds(mir));
    assertTrue(((FindPkByIndex) mir.nodes().get(0)).columns().isEmpty(), mir.toString());
  }

  @Test
  void sqlIgnoresTheSetting() {
    Query q = members(eq(f(TEAM), str("red"))).withConsistency(ReadConsistency.STRONG);
    var shape = Parameterize.of(q);
    Mir sql = Plan.plan(Lower.lower(Simplify.statement(shape.statement(), SCHEMA), SCHEMA,
        Capability.POSTGRESQL, shape.args().size()), SCHEMA, Capability.POSTGRESQL);
    assertFalse(Plans.kinds(sql).contains("GetByKey"), Plans.kinds(sql));
  }
}
