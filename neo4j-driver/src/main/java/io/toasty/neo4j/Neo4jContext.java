package io.toasty.neo4j;

import io.toasty.driver.StatementTimeout;
import io.toasty.neo4j.cypher.CypherRenderer;
import io.toasty.neo4j.error.Neo4jErrors;
import io.toasty.schema.Schema;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.TransactionConfig;
import reactor.util.context.ContextView;

/**
 * What every connection of one driver shares: the schema, the renderer, the error mapping and
 * the driver's default statement timeout (null for none).
 */
record Neo4jContext(Schema schema, CypherRenderer renderer, Neo4jErrors errors,
    @Nullable Duration statementTimeout) {
  static final String BACKEND = Neo4jErrors.BACKEND;
  /** Neo4j's timeouts count whole milliseconds; a deadline already passed still ends at once. */
  private static final Duration LEAST = Duration.ofMillis(1);

  /**
   * The transaction config of a statement run on its own, or of a transaction begun, under
   * {@code context}: its {@link StatementTimeout} (a {@code db.timeout(..)} limit, a
   * transaction's deadline) as the server-side timeout, which stops a statement waiting for a
   * lock too; else the driver's default. Inside a transaction the server has no limit per
   * statement: the one at BEGIN holds for the whole transaction.
   */
  TransactionConfig transactionConfig(ContextView context) {
    return StatementTimeout.remaining(context, statementTimeout)
        .map(d -> TransactionConfig.builder().withTimeout(d.compareTo(LEAST) < 0 ? LEAST : d)
            .build())
        .orElse(TransactionConfig.empty());
  }
}
