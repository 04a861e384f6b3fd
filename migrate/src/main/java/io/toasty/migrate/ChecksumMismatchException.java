package io.toasty.migrate;

import io.toasty.error.ErrorCategory;

/**
 * A migration already applied to the database has changed on disk since: its checksum in the
 * history table differs from the file's. Nothing is applied; restore the file, or write a new
 * migration instead of editing an applied one.
 */
public final class ChecksumMismatchException extends MigrationException {
  private static final long serialVersionUID = 1L;
  private final int version;

  public ChecksumMismatchException(int version, String name, String applied, String onDisk) {
    super("migration V" + version + "__" + name + " was applied with checksum " + applied
        + " but the file now has checksum " + onDisk + ": an applied migration must not change;"
        + " restore it and put the change in a new migration", null);
    this.version = version;
  }

  /** The version whose file changed. */
  public int version() {
    return version;
  }

  /** {@link ErrorCategory#INTERNAL}, as every migration error. */
  @Override
  public ErrorCategory category() {
    return ErrorCategory.INTERNAL;
  }
}
