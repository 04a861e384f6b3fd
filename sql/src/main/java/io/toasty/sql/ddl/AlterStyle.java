package io.toasty.sql.ddl;

/** How a dialect changes a column's type, nullability or default. */
public enum AlterStyle {
  /** {@code ALTER COLUMN c TYPE t USING CAST(..), ALTER COLUMN c SET NOT NULL, ..} (PostgreSQL). */
  ALTER_ACTIONS,
  /** {@code ALTER COLUMN c t DEFAULT d NOT NULL}: the whole definition again (H2). */
  REDEFINE,
  /** {@code MODIFY COLUMN c t DEFAULT d NOT NULL} (MariaDB, MySQL). */
  MODIFY,
  /** A new table, the rows copied with casts, the old one dropped, the new one renamed (SQLite). */
  REBUILD
}
