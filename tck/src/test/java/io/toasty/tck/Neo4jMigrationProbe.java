package io.toasty.tck;

import io.toasty.neo4j.Neo4jDriver;
import io.toasty.reactive.Db;
import io.toasty.tck.migration.MigrationProbe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.reactivestreams.ReactiveSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link MigrationProbe} on Neo4j, through the driver's Neo4j driver: a table's rows are the
 * nodes of its (prefixed) label, their properties the columns.
 */
public final class Neo4jMigrationProbe implements MigrationProbe {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private final Driver driver;
  private final SessionConfig config;
  private final String prefix;

  Neo4jMigrationProbe(Neo4jDriver driver) {
    this.driver = driver.client();
    this.config = driver.sessionConfig();
    this.prefix = driver.labelPrefix();
  }

  /** Serves Neo4j Dbs (registered in META-INF/services). */
  public static final class Factory implements MigrationProbe.Factory {
    @Override
    public Optional<MigrationProbe> probe(Db db) {
      return db.schema().driver(Neo4jDriver.class).map(Neo4jMigrationProbe::new);
    }
  }

  private String label(String table) {
    return "`" + prefix + table + "`";
  }

  @Override
  public void insert(String table, Map<String, Object> row) {
    run("CREATE (n:" + label(table) + ") SET n = $row", Map.of("row", row));
  }

  @Override
  public void set(String table, String id, String column, Object value) {
    run("MATCH (n:" + label(table) + " {id: $id}) SET n += $values",
        Map.of("id", id, "values", Map.of(column, value)));
  }

  @Override
  public void delete(String table, String id) {
    run("MATCH (n:" + label(table) + " {id: $id}) DETACH DELETE n", Map.of("id", id));
  }

  @Override
  public List<Map<String, Object>> rows(String table) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Record r : records("MATCH (n:" + label(table) + ") RETURN properties(n)", Map.of())) {
      out.add(new LinkedHashMap<>(r.get(0).asMap()));
    }
    out.sort(Comparator.comparing(r -> (String) r.get("id")));
    return out;
  }

  @Override
  public void blockUniqueName() {
    insert("mig_people", Map.of("id", "dup", "name", "ann", "age", 2L));
  }

  @Override
  public void unblockUniqueName() {
    delete("mig_people", "dup");
  }

  @Override
  public boolean columnsAreLive() {
    return false;
  }

  @Override
  public boolean uniquenessIsLive() {
    return true;
  }

  @Override
  public Optional<Boolean> uniquenessTable(String table) {
    return Optional.empty();
  }

  @Override
  public boolean transactional() {
    return false;
  }

  @Override
  public boolean intAndLongDiffer() {
    return false;
  }

  private void run(String cypher, Map<String, Object> params) {
    records(cypher, params);
  }

  private List<Record> records(String cypher, Map<String, Object> params) {
    return Flux.usingWhen(Mono.fromSupplier(() -> driver.session(ReactiveSession.class, config)),
            s -> Flux.from(s.run(cypher, params)).concatMap(r -> Flux.from(r.records())),
            s -> Mono.from(s.close()))
        .collectList().block(TIMEOUT);
  }
}
