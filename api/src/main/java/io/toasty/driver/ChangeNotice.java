package io.toasty.driver;

import io.toasty.Change;
import io.toasty.value.Value;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a driver's change stream ({@link Driver#changes}) reports: a record's key and what
 * happened to it, or a mark ({@link Change.Kind#LISTENING}, {@link Change.Kind#GAP}). The
 * engine reads the records by key and makes the {@link Change}s.
 *
 * @param kind  what happened
 * @param key   the record's primary key values, in key order; {@code null} for a mark
 * @param token where the change lies in the database's order of commits, as the backend writes
 *              it (PostgreSQL: the transaction id)
 */
public record ChangeNotice(Change.Kind kind, Value.@Nullable Record key, String token) {
  public ChangeNotice {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(token, "token");
    if (kind.isRecordChange() != (key != null)) {
      throw new IllegalArgumentException(kind + " with key " + key);
    }
  }

  /** A mark: {@link Change.Kind#LISTENING} or {@link Change.Kind#GAP}. */
  public static ChangeNotice mark(Change.Kind kind) {
    return new ChangeNotice(kind, null, "");
  }
}
