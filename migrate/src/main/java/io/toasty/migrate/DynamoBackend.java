package io.toasty.migrate;

import io.toasty.dynamo.DynamoDriver;
import io.toasty.migrate.apply.DynamoMigrator;
import io.toasty.migrate.apply.HistoryRow;
import io.toasty.migrate.apply.MigrationRuns;
import io.toasty.migrate.files.DynamoScript;
import io.toasty.migrate.files.ScriptFormat;
import io.toasty.migrate.live.LiveTable;
import io.toasty.reactive.Db;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Mono;

/** DynamoDB's migrations, on the client of the Db's DynamoDB driver. */
record DynamoBackend(DynamoMigrator m) implements MigrationBackend {

  static Optional<MigrationBackend> of(Db db) {
    return db.schema().driver(DynamoDriver.class)
        .map(d -> new DynamoBackend(new DynamoMigrator(d.client(), d.tablePrefix())));
  }

  @Override public String folder() { return "dynamodb"; }
  @Override public ScriptFormat format() { return DynamoScript.FORMAT; }
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
  @Override public io.toasty.migrate.live.LiveShape shape() {
    return new io.toasty.migrate.live.DynamoShape();
  }
}
