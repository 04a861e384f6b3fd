package io.toasty.neo4j;

import io.toasty.neo4j.cypher.CypherRenderer;
import io.toasty.neo4j.error.Neo4jErrors;
import io.toasty.schema.Schema;
import org.neo4j.driver.TransactionConfig;

/** What every connection of one driver shares: the schema, the renderer and the error mapping. */
record Neo4jContext(Schema schema, CypherRenderer renderer, Neo4jErrors errors,
    TransactionConfig transactionConfig) {
  static final String BACKEND = Neo4jErrors.BACKEND;
}
