package io.toasty;

import io.toasty.driver.Operation;
import io.toasty.value.Value;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

/**
 * A Cypher statement with {@code $name} parameters, Neo4j's escape hatch for what the typed API
 * cannot say (paths, graph algorithms):
 * {@code db.cypher("MATCH (u:users) WHERE u.login_count > $n RETURN u").bind("n", 3)}. The text
 * is sent as it is; values travel only as parameters, never in the text, and every parameter
 * must be bound and every binding used. Inside a transaction ({@code tx.cypher(..)}, or
 * {@code db.cypher(..)} under {@code db.transaction(..)}) it runs in that transaction, so a
 * rollback undoes its writes. A backend without Cypher (every SQL database, DynamoDB) refuses it
 * with {@link Feature#CYPHER} before its driver sees anything. Immutable; nothing runs until
 * subscription, and every error is a signal.
 *
 * <p>{@link #rows()} are labelled by the {@code RETURN} names; a node or a relationship is a map
 * of its properties, a list a list. {@link #as(ModelDef)} reads a row of one node (or map)
 * column ({@code RETURN u}) from its properties, any other row from its columns named as the
 * model's properties ({@code RETURN u.id AS id, u.name AS name, ..}). {@link #execute()} counts
 * the nodes and relationships it created, deleted or changed the properties or labels of
 * (Neo4j's update counters, summed).
 *
 * <pre>{@code
 * Flux<User> users = db.cypher("MATCH (u:users) WHERE u.name STARTS WITH $p RETURN u")
 *     .bind("p", "a").as(Users.MODEL);
 * Flux<Row> rows = db.cypher("MATCH (u:users) RETURN u.name AS name, u.login_count AS n").rows();
 * Mono<Long> written = db.cypher("MATCH (u:users {name: $n}) SET u.login_count = 0")
 *     .bind("n", "ann").execute();
 * }</pre>
 */
public final class CypherStatement extends TableStatement {
  private final String text;
  private final Map<String, Object> bindings;

  /** {@code text} to run on {@code executor}; {@code Db.cypher(..)} and {@code Tx.cypher(..)}. */
  public CypherStatement(Executor executor, String text) {
    this(executor, text, Map.of());
  }

  private CypherStatement(Executor executor, String text, Map<String, Object> bindings) {
    super(executor);
    this.text = Objects.requireNonNull(text, "text");
    this.bindings = bindings;
  }

  /**
   * This statement with {@code value} bound to {@code $name}, encoded as the backend stores a
   * field of its type (a UUID or an instant as Neo4j holds it); null binds NULL.
   */
  @Override
  public CypherStatement bind(String name, @Nullable Object value) {
    return new CypherStatement(executor, text, BoundText.with(bindings, name, value));
  }

  @Override
  String language() {
    return "Cypher";
  }

  @Override
  Flux<Value.Record> run(boolean rows, @Nullable String table, List<Integer> columns) {
    return Flux.defer(() -> {
      var refusal = executor.cypherRefusal();
      if (refusal.isPresent()) {
        return Flux.error(refusal.get());
      }
      return executor.execCypher(new Operation.RawCypher(text, CypherParams.of(text, bindings),
          rows, table, columns));
    });
  }

  @Override
  public String toString() {
    return "CypherStatement[" + text + "]";
  }
}
