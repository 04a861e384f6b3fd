package io.toasty.migrate;

import io.toasty.migrate.apply.HistoryRow;
import io.toasty.migrate.apply.MigrationRuns;
import io.toasty.migrate.apply.Neo4jMigrator;
import io.toasty.migrate.files.CypherScript;
import io.toasty.migrate.files.ScriptFormat;
import io.toasty.migrate.live.LiveShape;
import io.toasty.migrate.live.LiveTable;
import io.toasty.migrate.live.Neo4jShape;
import io.toasty.neo4j.Neo4jDriver;
import io.toasty.reactive.Db;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Mono;

/** Neo4j's migrations, on the Neo4j driver under the Db's Neo4j driver, with its label prefix. */
record Neo4jBackend(Neo4jMigrator m) implements MigrationBackend {

  static Optional<MigrationBackend> of(Db db) {
    return db.schema().driver(Neo4jDriver.class).map(d -> new Neo4jBackend(
        new Neo4jMigrator(d.client(), d.sessionConfig(), d.labelPrefix())));
  }

  @Override public String folder() { return "neo4j"; }
  @Override public ScriptFormat format() { return CypherScript.FORMAT; }
  @Override public MigrationRuns runs() {
    return m;
  }
  @Override public Mono<List<HistoryRow>> history() {
    return m.rows();
  }
  @Override public Mono<Optional<LiveTable>> describe(String table) {
    return m.describe(table);
  }
  @Override public Mono<List<String>> tables() {
    return m.tables();
  }
  @Override public LiveShape shape() {
    return new Neo4jShape();
  }
}
