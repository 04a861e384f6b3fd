package io.toasty.migrate.render;

/** How instances applying migrations at once take turns, so each migration runs once. */
public enum LockStyle {
  /** {@code pg_advisory_lock} on the run's connection, for the whole run (PostgreSQL). */
  ADVISORY_LOCK,
  /** {@code GET_LOCK('toasty_schema_history', ..)} on the run's connection (MariaDB, MySQL). */
  GET_LOCK,
  /**
   * No session lock: each migration runs in a write transaction ({@code BEGIN IMMEDIATE}), which
   * re-reads the history first (SQLite, whose writers queue on the database's write lock).
   */
  WRITE_TRANSACTION,
  /** A row in {@code toasty_schema_lock} inserted to take the lock, deleted to free it (H2). */
  LOCK_ROW
}
