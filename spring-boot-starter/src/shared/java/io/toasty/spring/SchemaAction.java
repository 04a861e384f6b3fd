package io.toasty.spring;

/** What the starter does to the database schema when the application starts ({@code toasty.schema}). */
public enum SchemaAction {
  /** Nothing: the schema is managed elsewhere. */
  NONE,
  /** Creates the tables and indexes that do not exist yet. */
  PUSH,
  /**
   * Reads one row of every model's table, so that a missing table or column stops the start-up
   * with an explanation instead of failing the first request.
   */
  VALIDATE,
  /**
   * Applies the pending migrations of {@code toasty.migrations.location} (the {@code migrate}
   * module's {@code Migrator}); a failed or changed migration stops the start-up.
   */
  MIGRATE,
  /**
   * Drops every table of the models and creates them again, empty: for tests and demos. Refused
   * at start-up on a database outside this JVM's memory (anything but an in-memory H2 or SQLite
   * database, or a SQLite file in the temporary directory) unless
   * {@code toasty.force-schema-reset=true}.
   */
  RESET
}
