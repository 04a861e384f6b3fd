package io.toasty.error;

import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * An update or delete of a record read earlier found it changed (its {@code @Version} moved on)
 * or deleted since: nothing was written. Read the record again and decide anew. A write at an
 * explicit version ({@code updateByIdAtVersion}) tells a deleted record apart
 * ({@link RecordNotFoundException}) and names the stored version ({@link #storedVersion()}).
 */
public final class StaleRecordException extends ToastyException {
  private static final long serialVersionUID = 1L;

  /** The version stored when it was read after the write, or null when not read. */
  private final @Nullable Long storedVersion;

  /**
   * @param model  the model
   * @param record which record and which version: the statement's filter, printed
   */
  public StaleRecordException(@Nullable String model, String record) {
    super(model, null, "the record (" + record + ") was changed or deleted since it was read; "
        + "nothing was written", null);
    this.storedVersion = null;
  }

  /**
   * A write at version {@code expected} of a record stored at version {@code stored}.
   *
   * @param record which record: its key, printed
   */
  public StaleRecordException(@Nullable String model, String record, long expected, long stored) {
    super(model, null, "the record (" + record + ") is at version " + stored + ", not "
        + expected + " as expected; nothing was written", null);
    this.storedVersion = stored;
  }

  /** The record's stored version, where the write that failed read it afterwards. */
  public OptionalLong storedVersion() {
    return storedVersion == null ? OptionalLong.empty()
        : OptionalLong.of(storedVersion);
  }

  /** {@link ErrorCategory#CONFLICT}: the record changed since it was read. */
  @Override
  public ErrorCategory category() {
    return ErrorCategory.CONFLICT;
  }
}
