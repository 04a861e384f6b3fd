package io.toasty.sql.dialect;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Statement timeouts as the dialects' session settings write them. */
final class StatementLimits {
  private StatementLimits() {}

  /** {@code limit} in whole milliseconds, at least 1; 0 (every dialect's "none") for null. */
  static long millis(@Nullable Duration limit) {
    return limit == null ? 0 : Math.max(1, limit.toMillis());
  }
}
