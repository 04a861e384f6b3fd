package io.toasty.migrate.apply;

import io.toasty.migrate.MigrationException;
import io.toasty.migrate.files.CypherScript;
import io.toasty.migrate.live.LiveColumn;
import io.toasty.migrate.live.LiveIndex;
import io.toasty.migrate.live.LiveTable;
import io.toasty.migrate.live.Neo4jShape;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.TransientException;
import org.neo4j.driver.reactivestreams.ReactiveSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Applies and rolls back Neo4j migrations ({@code neo4j/*.cypher}) on the Neo4j driver, each
 * statement an auto-commit query of its own (Neo4j does not mix schema and data changes in one
 * transaction), step by step. The history is a {@code :ToastyMigration} node per migration
 * (version, name, checksum, steps done, complete; unique by version); the lock is the one
 * {@code :ToastyMigrationLock} node, created in a transaction of its own under a uniqueness
 * constraint, so a second run waits until the first deletes it. Every label and schema name
 * carries the driver's label prefix.
 */
public final class Neo4jMigrator extends StepwiseMigrator {
  private static final String HISTORY = "ToastyMigration";
  private static final String LOCK = "ToastyMigrationLock";
  private static final String CONSTRAINT_FAILED =
      "Neo.ClientError.Schema.ConstraintValidationFailed";
  private static final Duration POLL = Duration.ofMillis(50);
  private static final long POLLS = 6000;

  private final Driver driver;
  private final SessionConfig config;
  private final String prefix;

  /**
   * @param prefix the driver's label prefix ({@code ""} for none); it is put into statements as
   *               it is, so it may hold no quote, backtick or backslash
   */
  public Neo4jMigrator(Driver driver, SessionConfig config, String prefix) {
    this.driver = driver;
    this.config = config;
    this.prefix = prefix;
    if (prefix.chars().anyMatch(c -> c == '`' || c == '\'' || c == '"' || c == '\\')) {
      throw new MigrationException("the label prefix '" + prefix + "' holds a quote, backtick or "
          + "backslash, which the migration files' names cannot take", null);
    }
  }

  // ---- history and lock ----------------------------------------------------------------------

  private String label(String name) {
    return "`" + prefix + name + "`";
  }

  /**
   * The history's and the lock's constraints, created when missing: looked for first, as a
   * schema command takes the schema's lock even when there is nothing to create.
   */
  @Override
  protected Mono<Void> createHistory() {
    return records("SHOW CONSTRAINTS YIELD name WHERE name IN $names RETURN count(*)",
        Map.of("names", List.of(prefix + "toasty_migration_version",
            prefix + "toasty_migration_lock")))
        .next()
        .flatMap(r -> r.get(0).asInt() == 2 ? Mono.empty() : createConstraints());
  }

  private Mono<Void> createConstraints() {
    return schema("CREATE CONSTRAINT `" + prefix + "toasty_migration_version` IF NOT EXISTS FOR "
        + "(m:" + label(HISTORY) + ") REQUIRE m.version IS UNIQUE")
        .then(schema("CREATE CONSTRAINT `" + prefix + "toasty_migration_lock` IF NOT EXISTS FOR "
            + "(l:" + label(LOCK) + ") REQUIRE l.id IS UNIQUE"));
  }

  /**
   * A schema command that two runs may send at once: the loser of a race on the schema lock
   * fails with a transient error or finds the constraint just made, and tries again.
   */
  private Mono<Void> schema(String command) {
    return run(command, Map.of()).retryWhen(Retry.backoff(10, POLL)
        .filter(e -> e instanceof TransientException || e instanceof ClientException c
            && c.code().startsWith("Neo.ClientError.Schema.")));
  }

  @Override
  public Mono<List<HistoryRow>> rows() {
    return createHistory().then(records("MATCH (m:" + label(HISTORY) + ") RETURN m.version, "
            + "m.name, m.checksum, m.steps_done, m.complete ORDER BY m.version", Map.of())
        .map(r -> new HistoryRow(r.get(0).asInt(), r.get(1).asString(), r.get(2).asString(),
            r.get(3).asInt(), r.get(4).asBoolean()))
        .collectList());
  }

  @Override
  protected Mono<Void> put(int version, String name, String checksum, int stepsDone,
      boolean complete) {
    return run("CREATE (m:" + label(HISTORY) + " {version: $v, name: $name, checksum: $checksum, "
        + "steps_done: $done, complete: $complete, applied_at: datetime()})", Map.of("v", version,
        "name", name, "checksum", checksum, "done", stepsDone, "complete", complete));
  }

  @Override
  protected Mono<Void> progress(int version, int stepsDone, boolean complete) {
    return run("MATCH (m:" + label(HISTORY) + " {version: $v}) SET m.steps_done = $done, "
        + "m.complete = $complete", Map.of("v", version, "done", stepsDone, "complete", complete));
  }

  @Override
  protected Mono<Void> delete(int version) {
    return run("MATCH (m:" + label(HISTORY) + " {version: $v}) DELETE m", Map.of("v", version));
  }

  @Override
  protected Mono<Void> lock() {
    return Mono.defer(() -> run("CREATE (l:" + label(LOCK) + " {id: 'migration', taken_at: "
            + "datetime()})", Map.of()))
        .retryWhen(Retry.fixedDelay(POLLS, POLL)
            .filter(e -> e instanceof ClientException c && c.code().equals(CONSTRAINT_FAILED))
            .onRetryExhaustedThrow((spec, signal) -> new MigrationException("the migration lock "
                + "node (:" + prefix + LOCK + ") stayed there for 5 minutes; if no instance is "
                + "migrating, delete it", signal.failure())));
  }

  @Override
  protected Mono<Void> unlock() {
    return run("MATCH (l:" + label(LOCK) + " {id: 'migration'}) DELETE l", Map.of());
  }

  @Override
  protected Mono<Void> request(String statement) {
    return run(statement.replace(CypherScript.LABEL_PREFIX, prefix), Map.of());
  }

  // ---- live schema ---------------------------------------------------------------------------

  /** The label's key constraint as its columns and its other constraints and indexes. */
  @Override
  public Mono<Optional<LiveTable>> describe(String table) {
    String key = prefix + table + "_pkey";
    return records("SHOW INDEXES YIELD name, entityType, labelsOrTypes, properties, "
            + "owningConstraint WHERE entityType = 'NODE' AND labelsOrTypes = [$label] "
            + "RETURN name, properties, owningConstraint IS NOT NULL ORDER BY name",
        Map.of("label", prefix + table))
        .collectList()
        .map(rows -> {
          if (rows.isEmpty()) {
            return Optional.<LiveTable>empty();
          }
          List<LiveColumn> columns = new ArrayList<>();
          List<LiveIndex> indexes = new ArrayList<>();
          for (Record r : rows) {
            String name = r.get(0).asString();
            List<String> properties = r.get(1).asList(Value::asString);
            if (name.equals(key)) {
              properties.forEach(p -> columns.add(new LiveColumn(p, Neo4jShape.UNTYPED, false)));
            } else {
              indexes.add(new LiveIndex(unprefixed(name), properties, r.get(2).asBoolean()));
            }
          }
          return Optional.of(new LiveTable(table, columns, indexes));
        });
  }

  /** The labels under the prefix, without it, that have a constraint or an index. */
  @Override
  public Mono<List<String>> tables() {
    return records("SHOW INDEXES YIELD entityType, labelsOrTypes WHERE entityType = 'NODE' "
            + "AND labelsOrTypes IS NOT NULL RETURN labelsOrTypes", Map.of())
        .flatMapIterable(r -> r.get(0).asList(Value::asString))
        .filter(l -> l.startsWith(prefix))
        .map(this::unprefixed)
        .collect(TreeSet<String>::new, TreeSet::add)
        .map(List::copyOf);
  }

  private String unprefixed(String name) {
    return name.startsWith(prefix) ? name.substring(prefix.length()) : name;
  }

  // ---- queries -------------------------------------------------------------------------------

  /** One auto-commit query run to its end, in a session of its own. */
  private Mono<Void> run(String cypher, Map<String, Object> params) {
    return Flux.usingWhen(Mono.fromSupplier(() -> driver.session(ReactiveSession.class, config)),
            s -> Flux.from(s.run(cypher, params)).concatMap(r -> Mono.from(r.consume())),
            s -> Mono.from(s.close()))
        .then();
  }

  private Flux<Record> records(String cypher, Map<String, Object> params) {
    return Flux.usingWhen(Mono.fromSupplier(() -> driver.session(ReactiveSession.class, config)),
        s -> Flux.from(s.run(cypher, params)).concatMap(r -> Flux.from(r.records())),
        s -> Mono.from(s.close()));
  }
}
