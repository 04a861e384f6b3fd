package io.toasty.migrate;

import io.toasty.migrate.apply.HistoryRow;
import io.toasty.migrate.apply.MigrationRuns;
import io.toasty.migrate.files.ScriptFormat;
import io.toasty.migrate.live.LiveShape;
import io.toasty.migrate.live.LiveTable;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Mono;

/** How one backend applies, rolls back and records migrations. */
interface MigrationBackend {
  String folder();

  ScriptFormat format();

  /** What applies and rolls back the files. */
  MigrationRuns runs();

  Mono<List<HistoryRow>> history();

  Mono<Optional<LiveTable>> describe(String table);

  /** The names of the tables the database has (DynamoDB: under the Db's table prefix). */
  Mono<List<String>> tables();

  /** How the backend's catalog shows a table. */
  LiveShape shape();
}
