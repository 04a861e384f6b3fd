package io.toasty.tck;

import java.util.Arrays;
import java.util.List;

/**
 * The backends this build runs the TCK on. Adding one is one line here (and its driver as a
 * test dependency of this module).
 */
public final class Backends implements BackendSource {

  /**
   * H2 in memory: a database per name, kept between runs while the harness keeps it. Times as
   * {@code TIMESTAMP(9)} and {@code TIME(9)}: nanoseconds.
   */
  static final Backend H2 = H2MemBackend.INSTANCE;

  /** PostgreSQL on its server: a schema per run. Times in microseconds. */
  static final Backend POSTGRESQL = ServerBackend.postgresql();

  /**
   * PostgreSQL over the Vert.x transport (vertx-pg-client, Vert.x's pool): the PostgreSQL server,
   * a schema per run.
   */
  static final Backend VERTX_POSTGRESQL = ServerBackend.vertxPostgresql();

  /** MariaDB on its server: a database per run. DATETIME(6)/TIME(6): microseconds. */
  static final Backend MARIADB = ServerBackend.mariadb();

  /**
   * MariaDB over the Vert.x transport (vertx-mysql-client, Vert.x's pool): the MariaDB server, a
   * database per run.
   */
  static final Backend VERTX_MARIADB = ServerBackend.vertxMariadb();

  /** SQLite through the sqlite-bridge: a database file per run. ISO text times: nanoseconds. */
  static final Backend SQLITE = SqliteFileBackend.INSTANCE;

  /**
   * DynamoDB Local in this JVM: a table-name prefix per run; no SQL, so the planner sends
   * key-value operations.
   */
  static final Backend DYNAMODB = DynamoLocalBackend.INSTANCE;

  /**
   * Neo4j 5.26 in this JVM through neo4j-harness: a label prefix per run; the planner sends
   * table-level statements, which the driver renders as Cypher.
   */
  static final Backend NEO4J = Neo4jBackend.INSTANCE;

  /**
   * Every backend of this build: the six databases, and PostgreSQL and MariaDB over the Vert.x
   * transport; {@code -Dtoasty.tck.backends=sqlite,h2} narrows a local run to some of them. CI
   * sets nothing and runs the eight.
   */
  public static List<Backend> all() {
    List<Backend> known = List.of(H2, SQLITE, POSTGRESQL, MARIADB, DYNAMODB, NEO4J,
        VERTX_POSTGRESQL, VERTX_MARIADB);
    String only = System.getProperty("toasty.tck.backends", "").trim();
    if (only.isEmpty()) {
      return known;
    }
    List<String> names = Arrays.stream(only.split(",")).map(String::trim).toList();
    List<Backend> chosen = known.stream().filter(b -> names.contains(b.name())).toList();
    if (chosen.size() != names.size()) {
      throw new IllegalArgumentException("toasty.tck.backends=" + only + " names a backend this "
          + "build does not have; it has " + known.stream().map(Backend::name).toList());
    }
    return chosen;
  }

  @Override
  public List<Backend> backends() {
    return all();
  }
}
