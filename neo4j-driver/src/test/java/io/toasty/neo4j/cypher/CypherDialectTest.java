package io.toasty.neo4j.cypher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.neo4j.ddl.GraphSchema;
import io.toasty.neo4j.models.Members;
import io.toasty.schema.Schema;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.value.Type;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The text of each dialect's choices, golden: Neo4j's is also run by every test on Neo4j;
 * Memgraph's is checked here only (no Memgraph server on the build machines).
 */
class CypherDialectTest {
  final Schema schema = Schema.of(List.of(Members.MODEL.schema()));
  final String table = schema.tableOf("Member").name();
  final String label = "`app_" + table + "`";

  @Test
  void neo4jCreatesNamedConstraintsAndIndexesIfNotExistsInOneTransactionThenWaits() {
    GraphSchema ddl = new GraphSchema(schema, new Names("app_"), CypherDialect.NEO4J);
    assertEquals(List.of(
        "CREATE CONSTRAINT `app_" + table + "_pkey` IF NOT EXISTS FOR (n:" + label
            + ") REQUIRE (n.`id`) IS UNIQUE",
        "CREATE CONSTRAINT `app_" + table + "_email_key` IF NOT EXISTS FOR (n:" + label
            + ") REQUIRE (n.`email`) IS UNIQUE",
        "CREATE INDEX `app_" + table + "_team_idx` IF NOT EXISTS FOR (n:" + label
            + ") ON (n.`team`)"), ddl.push());
    assertEquals(true, ddl.inOneTransaction());
    assertEquals(List.of("CALL db.awaitIndex('app_" + table + "_team_idx', 300)"), ddl.awaitIndexes());
  }

  @Test
  void memgraphCreatesUnnamedConstraintsAndIndexesEachOnItsOwnWithNothingToAwait() {
    GraphSchema ddl = new GraphSchema(schema, new Names("app_"), CypherDialect.MEMGRAPH);
    assertEquals(List.of(
        "CREATE CONSTRAINT ON (n:" + label + ") ASSERT n.`id` IS UNIQUE",
        "CREATE CONSTRAINT ON (n:" + label + ") ASSERT n.`email` IS UNIQUE",
        "CREATE INDEX ON :" + label + "(`team`)"), ddl.push());
    assertEquals(false, ddl.inOneTransaction());
    assertEquals(List.of(), ddl.awaitIndexes());
  }

  @Test
  void compositeKeysListEveryProperty() {
    List<String> ab = List.of("`a`", "`b`");
    assertEquals("CREATE CONSTRAINT `c` IF NOT EXISTS FOR (n:`L`) REQUIRE (n.`a`, n.`b`) "
        + "IS UNIQUE", CypherDialect.NEO4J.uniqueConstraint("`c`", "`L`", false, ab));
    assertEquals("CREATE CONSTRAINT ON (n:`L`) ASSERT n.`a`, n.`b` IS UNIQUE",
        CypherDialect.MEMGRAPH.uniqueConstraint("`c`", "`L`", false, ab));
    assertEquals("CREATE INDEX `i` IF NOT EXISTS FOR (n:`L`) ON (n.`a`, n.`b`)",
        CypherDialect.NEO4J.index("`i`", "`L`", false, ab));
    assertEquals("CREATE INDEX ON :`L`(`a`, `b`)", CypherDialect.MEMGRAPH.index("`i`", "`L`", false, ab));
  }

  @Test
  void neo4jsClockIsTruncatedToMicrosecondsInUtc() {
    assertEquals("datetime.truncate('microsecond', datetime({timezone: 'UTC'}))",
        CypherTime.now(CypherDialect.NEO4J, Type.Scalar.INSTANT));
    assertEquals("localdatetime.truncate('microsecond', localdatetime({timezone: 'UTC'}))",
        CypherTime.now(CypherDialect.NEO4J, Type.Scalar.LOCAL_DATE_TIME));
    assertEquals("localtime.truncate('microsecond', localtime({timezone: 'UTC'}))",
        CypherTime.now(CypherDialect.NEO4J, Type.Scalar.LOCAL_TIME));
    assertEquals("date({timezone: 'UTC'})",
        CypherTime.now(CypherDialect.NEO4J, Type.Scalar.LOCAL_DATE));
  }

  @Test
  void memgraphsClockHasMicrosecondsAlready() {
    assertEquals("datetime()", CypherTime.now(CypherDialect.MEMGRAPH, Type.Scalar.INSTANT));
    assertEquals("localdatetime()",
        CypherTime.now(CypherDialect.MEMGRAPH, Type.Scalar.LOCAL_DATE_TIME));
    assertEquals("localtime()", CypherTime.now(CypherDialect.MEMGRAPH, Type.Scalar.LOCAL_TIME));
    assertEquals("date()", CypherTime.now(CypherDialect.MEMGRAPH, Type.Scalar.LOCAL_DATE));
  }

  @Test
  void theRendererWritesTheSameQueriesForBoth() {
    Query q = new Query(new Source.Table(table),
        ExprNode.eq(new ExprNode.Column(table, 2),
            new ExprNode.Arg(0)),
        new Returning.Count(), List.of(), null);
    String neo4j = new CypherRenderer(schema, new Names("app_"), CypherDialect.NEO4J)
        .render(q).text();
    assertEquals(neo4j, new CypherRenderer(schema, new Names("app_"), CypherDialect.MEMGRAPH)
        .render(q).text());
    assertEquals("MATCH (n0:" + label + ") WHERE (n0.`team` = $p0) RETURN count(*) AS c0", neo4j);
  }

  @Test
  void aJoinModelKeptAsARelationshipHasItsConstraintAndIndexOnTheRelationshipType() {
    List<String> id = List.of("`id`");
    assertEquals("CREATE CONSTRAINT `c` IF NOT EXISTS FOR ()-[n:`T`]-() REQUIRE (n.`id`) "
        + "IS UNIQUE", CypherDialect.NEO4J.uniqueConstraint("`c`", "`T`", true, id));
    assertEquals("CREATE INDEX `i` IF NOT EXISTS FOR ()-[n:`T`]-() ON (n.`id`)",
        CypherDialect.NEO4J.index("`i`", "`T`", true, id));
    assertEquals("CREATE EDGE INDEX ON :`T`(`id`)",
        CypherDialect.MEMGRAPH.uniqueConstraint("`c`", "`T`", true, id));
  }
}
