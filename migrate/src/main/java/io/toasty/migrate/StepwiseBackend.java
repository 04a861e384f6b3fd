package io.toasty.migrate;

import io.toasty.migrate.apply.HistoryRow;
import io.toasty.migrate.apply.MigrationRuns;
import io.toasty.migrate.apply.StepwiseMigrator;
import io.toasty.migrate.files.ScriptFormat;
import io.toasty.migrate.live.LiveShape;
import io.toasty.migrate.live.LiveTable;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Mono;

/** A backend whose migrations run step by step on its own client (DynamoDB, Neo4j). */
record StepwiseBackend(String folder, ScriptFormat format, StepwiseMigrator m, LiveShape shape)
    implements MigrationBackend {

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
}
