package io.toasty.migrate;

import io.toasty.error.ErrorCategory;

/**
 * A step of a migration failed on the database. The history table says what is in effect: on a
 * backend with transactional DDL nothing of the migration; elsewhere the steps before this one,
 * from which the next apply resumes (or a rollback undoes them).
 */
public final class MigrationFailedException extends MigrationException {
  private static final long serialVersionUID = 1L;
  private final int version;
  private final int step;

  public MigrationFailedException(String label, int version, int step, String description,
      Throwable cause) {
    super(label + " failed at step " + step + " (" + description + "): "
        + (cause == null ? "" : cause.getMessage()), cause);
    this.version = version;
    this.step = step;
  }

  /** The migration's version. */
  public int version() {
    return version;
  }

  /** The failed step, from 1. */
  public int step() {
    return step;
  }

  /** {@link ErrorCategory#INTERNAL}, as every migration error. */
  @Override
  public ErrorCategory category() {
    return ErrorCategory.INTERNAL;
  }
}
