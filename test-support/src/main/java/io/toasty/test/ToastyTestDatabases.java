package io.toasty.test;

import io.toasty.ModelDef;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Opens test databases without JUnit: a {@link io.toasty.reactive.Db} with the given models'
 * schema pushed, on a database of its own. Embedded servers start once per JVM, on first use.
 *
 * <pre>{@code
 * try (TestDatabase database = ToastyTestDatabases.open(TestBackend.H2, Users.MODEL)) {
 *   Users.create().name("ann").exec(database.db()).block();
 * }
 * }</pre>
 */
public final class ToastyTestDatabases {
  /** Tells this JVM's databases from another's that shares the temporary directory. */
  private static final String JVM = UUID.randomUUID().toString().substring(0, 8);
  private static final AtomicLong COUNT = new AtomicLong();

  private ToastyTestDatabases() {}

  /**
   * A new database on {@code backend} with the schema of {@code models} pushed. Close it to
   * close its {@code Db} and drop the database.
   *
   * @param backend where the database is
   * @param models the models ({@code Users.MODEL}) whose schema is pushed
   * @return the open database
   *
   * @throws IllegalStateException when an artifact the backend needs is not on the class path
   */
  public static TestDatabase open(TestBackend backend, ModelDef<?>... models) {
    return open(backend, "t" + JVM + "_" + COUNT.incrementAndGet(), models.clone());
  }

  /** The database named {@code name}, which tests reopen to see that closing dropped it. */
  static TestDatabase open(TestBackend backend, String name, ModelDef<?>[] models) {
    TestDatabase database = openEmpty(backend, name, models);
    try {
      database.db().schema().push().block();
    } catch (RuntimeException e) {
      try {
        database.close();
      } catch (RuntimeException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
    return database;
  }

  /**
   * Checks the backend's artifacts before its opener's class is loaded: that class refers to
   * the optional ones.
   */
  private static TestDatabase openEmpty(TestBackend backend, String name, ModelDef<?>[] models) {
    switch (backend) {
      case H2:
        MissingDependency.require(backend, "io.r2dbc.h2.H2ConnectionFactoryProvider",
            "io.r2dbc:r2dbc-h2");
        return H2Databases.open(name, models);
      case SQLITE:
        MissingDependency.require(backend, "io.toasty.sqlite.SqliteConnectionFactoryProvider",
            "io.toasty:toasty-sqlite-bridge");
        return SqliteDatabases.open(name, models);
      case DYNAMODB:
        MissingDependency.require(backend, "io.toasty.dynamo.DynamoDriver",
            "io.toasty:toasty-dynamo-driver");
        MissingDependency.require(backend,
            "com.amazonaws.services.dynamodbv2.local.main.ServerRunner",
            "com.amazonaws:DynamoDBLocal");
        return DynamoLocalServer.open(name, models);
      case NEO4J:
        MissingDependency.require(backend, "io.toasty.neo4j.Neo4jDriver",
            "io.toasty:toasty-neo4j-driver");
        MissingDependency.require(backend, "org.neo4j.harness.Neo4jBuilders",
            "org.neo4j.test:neo4j-harness");
        return Neo4jHarnessServer.open(name, models);
      default:
        throw new IllegalArgumentException("unknown backend " + backend);
    }
  }
}
