package io.toasty.test;

/**
 * The databases {@link ToastyTestDatabases} starts in the test JVM. Each open database is a
 * database of its own (H2, SQLite) or a table or label prefix of its own on a server started once
 * per JVM (DynamoDB Local, Neo4j), so tests never see each other's rows.
 */
public enum TestBackend {
  /** H2 in memory, through {@code toasty-r2dbc-driver} (which brings r2dbc-h2). */
  H2,
  /** SQLite in a temporary file, through {@code io.toasty:toasty-sqlite-bridge}. */
  SQLITE,
  /**
   * DynamoDB Local in the test JVM (in memory, on a free port), through
   * {@code io.toasty:toasty-dynamo-driver} and {@code com.amazonaws:DynamoDBLocal}.
   */
  DYNAMODB,
  /**
   * Neo4j 5.26 in the test JVM, through {@code io.toasty:toasty-neo4j-driver} and
   * {@code org.neo4j.test:neo4j-harness}.
   */
  NEO4J
}
