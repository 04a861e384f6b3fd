package io.toasty.tck;

import io.toasty.ModelDef;
import io.toasty.neo4j.Neo4jDriver;
import io.toasty.reactive.Db;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.reactivestreams.ReactiveSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@link GraphProbe} on Neo4j, through the driver's Neo4j driver, under its label prefix. */
public final class Neo4jGraphProbe implements GraphProbe {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private final Driver driver;
  private final SessionConfig config;
  private final String prefix;
  private final Db db;

  Neo4jGraphProbe(Db db, Neo4jDriver driver) {
    this.db = db;
    this.driver = driver.client();
    this.config = driver.sessionConfig();
    this.prefix = driver.labelPrefix();
  }

  /** Serves Neo4j Dbs (registered in META-INF/services). */
  public static final class Factory implements GraphProbe.Factory {
    @Override
    public Optional<GraphProbe> probe(Db db) {
      return db.schema().driver(Neo4jDriver.class).map(d -> new Neo4jGraphProbe(db, d));
    }
  }

  @Override
  public long relationships(String fromTable, String type, String toTable) {
    return records("MATCH (:" + quote(prefix + fromTable) + ")-[r:" + quote(type) + "]->(:"
        + quote(prefix + toTable) + ") RETURN count(r)", Map.of()).get(0).get(0).asLong();
  }

  @Override
  public long nodes(String table) {
    return records("MATCH (n:" + quote(prefix + table) + ") RETURN count(n)", Map.of()).get(0)
        .get(0).asLong();
  }

  @Override
  public long relationships(ModelDef<?> from, String type, ModelDef<?> to) {
    return relationships(db.tableOf(from), type, db.tableOf(to));
  }

  @Override
  public long nodes(ModelDef<?> model) {
    return nodes(db.tableOf(model));
  }

  @Override
  public String joinType(ModelDef<?> model) {
    return joinType(db.tableOf(model));
  }

  @Override
  public String joinType(String name) {
    return prefix + name;
  }

  @Override
  public List<Map<String, Object>> properties(String type) {
    return records("MATCH ()-[r:" + quote(type) + "]->() RETURN properties(r)", Map.of())
        .stream().map(r -> r.get(0).asMap()).toList();
  }

  private static String quote(String name) {
    return '`' + name.replace("`", "``") + '`';
  }

  private List<Record> records(String cypher, Map<String, Object> params) {
    return Flux.usingWhen(Mono.fromSupplier(() -> driver.session(ReactiveSession.class, config)),
            s -> Flux.from(s.run(cypher, params)).concatMap(r -> Flux.from(r.records())),
            s -> Mono.from(s.close()))
        .collectList().block(TIMEOUT);
  }
}
