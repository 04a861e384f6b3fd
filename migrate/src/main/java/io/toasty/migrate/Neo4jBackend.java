package io.toasty.migrate;

import io.toasty.migrate.apply.Neo4jMigrator;
import io.toasty.migrate.files.CypherScript;
import io.toasty.migrate.live.Neo4jShape;
import io.toasty.neo4j.Neo4jDriver;
import io.toasty.reactive.Db;
import java.util.Optional;

/** Neo4j's migrations, on the Neo4j driver under the Db's Neo4j driver, with its label prefix. */
final class Neo4jBackend {
  private Neo4jBackend() {}

  static Optional<MigrationBackend> of(Db db) {
    return db.schema().driver(Neo4jDriver.class).map(d -> new StepwiseBackend("neo4j",
        CypherScript.FORMAT, new Neo4jMigrator(d.client(), d.sessionConfig(), d.labelPrefix()),
        new Neo4jShape()));
  }
}
