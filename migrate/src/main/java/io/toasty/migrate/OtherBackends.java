package io.toasty.migrate;

import io.toasty.reactive.Db;
import java.util.Optional;

/** The non-SQL backends' migrations, found when their driver is on the class path. */
final class OtherBackends {
  private static final boolean DYNAMO = present("io.toasty.dynamo.DynamoDriver");
  private static final boolean NEO4J = present("io.toasty.neo4j.Neo4jDriver");

  private OtherBackends() {}

  static Optional<MigrationBackend> of(Db db) {
    // Each backend class names its driver's classes: loaded only when they are there.
    String backend = db.capability().backend();
    if (DYNAMO && backend.equals("dynamodb")) {
      return DynamoBackend.of(db);
    }
    return NEO4J && backend.equals("neo4j") ? Neo4jBackend.of(db) : Optional.empty();
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
