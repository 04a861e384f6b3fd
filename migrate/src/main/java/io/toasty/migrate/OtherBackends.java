package io.toasty.migrate;

import io.toasty.reactive.Db;
import java.util.Optional;

/** The non-SQL backends' migrations, found when their driver is on the class path. */
final class OtherBackends {
  private static final boolean DYNAMO = present("io.toasty.dynamo.DynamoDriver");

  private OtherBackends() {}

  static Optional<MigrationBackend> of(Db db) {
    // DynamoBackend names the DynamoDB driver's classes: loaded only when they are there.
    return DYNAMO && db.capability().backend().equals("dynamodb") ? DynamoBackend.of(db)
        : Optional.empty();
  }

  private static boolean present(String className) {
    try {
      Class.forName(className, false, OtherBackends.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
