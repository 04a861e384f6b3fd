package io.toasty.spring;

import io.toasty.migrate.ChecksumMismatchException;
import io.toasty.migrate.DestructiveChangeException;
import io.toasty.migrate.MigrationFailedException;
import org.jspecify.annotations.Nullable;

/** What to do about a migration that stopped the start-up, by what stopped it. */
final class MigrationAdvice {
  private MigrationAdvice() {}

  /** The action for {@code cause}, the migration error of a failed start-up. */
  static String of(@Nullable Throwable cause) {
    if (cause instanceof ChecksumMismatchException e) {
      return "Migration V" + e.version() + " was changed after it was applied, and nothing was "
          + "applied. Restore V" + e.version() + " as it was applied (its text in version "
          + "control) and put the change in a new migration: MigrationGenerator writes the next "
          + "version from the models.";
    }
    if (cause instanceof MigrationFailedException e) {
      return "Migration V" + e.version() + " failed at step " + e.step() + " with the "
          + "database's error above. On PostgreSQL and SQLite nothing of V" + e.version()
          + " is in effect; on MariaDB, MySQL and H2 (DDL commits step by step) its steps "
          + "before step " + e.step() + " are, and the next start resumes at step " + e.step()
          + " (Migrator.rollback undoes them instead). Fix what the database refused (data "
          + "that does not fit, a lock, a name in use) and start again; edit V" + e.version()
          + " itself only if no database has applied it.";
    }
    if (cause instanceof DestructiveChangeException e) {
      return "The migration would lose data (" + String.join("; ", e.steps()) + "). Generate "
          + "it with MigrationGenerator.allowDestructive(true) if that is intended, or declare "
          + "a rename with @Column(renamedFrom = ..).";
    }
    return ToastyConfigurationException.Problem.MIGRATION.action();
  }
}
