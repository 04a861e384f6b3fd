package io.toasty;

import io.toasty.driver.Operation;
import io.toasty.value.Value;
import io.toasty.value.Values;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

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
 * <pre>{@code
 * Flux<User> users = db.cypher("MATCH (u:users) WHERE u.name STARTS WITH $p RETURN u")
 *     .bind("p", "a").as(Users.MODEL);
 * Flux<Row> rows = db.cypher("MATCH (u:users) RETURN u.name AS name, u.login_count AS n").rows();
 * Mono<Long> written = db.cypher("MATCH (u:users {name: $n}) SET u.login_count = 0")
 *     .bind("n", "ann").execute();
 * }</pre>
 */
public final class CypherStatement implements RawQuery {
  private final Executor executor;
  private final String text;
  private final Map<String, Object> bindings;

  /** {@code text} to run on {@code executor}; {@code Db.cypher(..)} and {@code Tx.cypher(..)}. */
  public CypherStatement(Executor executor, String text) {
    this(executor, text, Map.of());
  }

  private CypherStatement(Executor executor, String text, Map<String, Object> bindings) {
    this.executor = Objects.requireNonNull(executor, "executor");
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

  /**
   * The rows the statement returns, labelled by its {@code RETURN} names; a node or a
   * relationship is a map of its properties, a list a list.
   */
  @Override
  public Flux<Row> rows() {
    return run(true, null, List.of()).map(Row::ofLabelled);
  }

  /**
   * The rows loaded as records of {@code model}: a row of one node (or map) column
   * ({@code RETURN u}) is read from its properties, any other row from its columns named as the
   * model's properties ({@code RETURN u.id AS id, u.name AS name, ..}), each decoded as its
   * field's type, so a record read here equals the one the DSL reads.
   */
  @Override
  public <M> Flux<M> as(ModelDef<M> model) {
    Objects.requireNonNull(model, "model");
    return TableReads.records(executor, model, (table, columns) -> run(true, table, columns));
  }

  /**
   * The rows as {@code mapper} builds them from the values of {@code fields} (paths of
   * {@code model}), read as {@link #as(ModelDef)} reads them.
   */
  @Override
  public <R> Flux<R> as(ModelDef<?> model, Function<Object[], R> mapper,
      List<? extends Expr<?>> fields) {
    return TableReads.projected("Cypher", executor, model, mapper, fields,
        (table, columns) -> run(true, table, columns));
  }

  /**
   * Runs a statement for its writes: how many nodes and relationships it created, deleted or
   * changed the properties or labels of (Neo4j's update counters, summed).
   */
  @Override
  public Mono<Long> execute() {
    return run(false, null, List.of()).next().map(r -> Values.asLong(r.fields().get(0)));
  }

  private Flux<Value.Record> run(boolean rows, @Nullable String table,
      List<Integer> columns) {
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
