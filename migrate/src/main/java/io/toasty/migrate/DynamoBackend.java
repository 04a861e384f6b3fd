package io.toasty.migrate;

import io.toasty.dynamo.DynamoDriver;
import io.toasty.migrate.apply.DynamoMigrator;
import io.toasty.migrate.files.DynamoScript;
import io.toasty.migrate.live.DynamoShape;
import io.toasty.reactive.Db;
import java.util.Optional;

/** DynamoDB's migrations, on the client of the Db's DynamoDB driver. */
final class DynamoBackend {
  private DynamoBackend() {}

  static Optional<MigrationBackend> of(Db db) {
    return db.schema().driver(DynamoDriver.class).map(d -> new StepwiseBackend("dynamodb",
        DynamoScript.FORMAT, new DynamoMigrator(d.client(), d.tablePrefix()), new DynamoShape()));
  }
}
