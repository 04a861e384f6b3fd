package io.toasty.neo4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.neo4j.cypher.CypherDialect;
import java.net.URI;
import org.junit.jupiter.api.Test;

class Neo4jUrlTest {

  @Test
  void takesUserPasswordDatabaseAndPrefixOut() {
    Neo4jUrl url = Neo4jUrl.parse("neo4j://ann:s%40cret@db.example:7687/shop?labelPrefix=app_");
    assertEquals(URI.create("neo4j://db.example:7687"), url.server());
    assertEquals("ann", url.user());
    assertEquals("s@cret", url.password());
    assertEquals("shop", url.database());
    assertEquals("app_", url.labelPrefix());
  }

  @Test
  void aBareBoltUrlHasNoAuthenticationAndTheDefaultDatabase() {
    Neo4jUrl url = Neo4jUrl.parse("bolt://localhost:7687");
    assertNull(url.user());
    assertNull(url.database());
    assertEquals("", url.labelPrefix());
  }

  @Test
  void aMemgraphUrlIsADirectBoltConnectionInMemgraphsDialect() {
    Neo4jUrl url = Neo4jUrl.parse("memgraph://mg.example:7687?labelPrefix=app_");
    assertEquals(URI.create("bolt://mg.example:7687"), url.server());
    assertEquals(CypherDialect.MEMGRAPH, url.dialect());
    assertEquals("app_", url.labelPrefix());
    assertEquals(URI.create("bolt+s://mg.example"), Neo4jUrl.parse("memgraph+s://mg.example")
        .server());
    assertEquals(CypherDialect.NEO4J,
        Neo4jUrl.parse("neo4j://x").dialect());
  }

  @Test
  void servesTheBoltSchemesOnly() {
    assertTrue(Neo4jUrl.supports("neo4j+s://x"));
    assertTrue(Neo4jUrl.supports("bolt+ssc://x"));
    assertFalse(Neo4jUrl.supports("r2dbc:h2:mem:///x"));
    assertFalse(Neo4jUrl.supports("http://x"));
  }

  @Test
  void anUnknownParameterIsNamedAndThePasswordIsNotRepeated() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Neo4jUrl.parse("neo4j://ann:pw@h/db?tablePrefix=x"));
    assertTrue(e.getMessage().contains("tablePrefix"), e.getMessage());
    IllegalArgumentException notOurs = assertThrows(IllegalArgumentException.class,
        () -> Neo4jUrl.parse("mysql://ann:pw@h/db"));
    assertFalse(notOurs.getMessage().contains("pw"), notOurs.getMessage());
  }
}
