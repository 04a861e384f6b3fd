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
 *              it (PostgreSQL: the transaction id and the change log's number)
 * @param old   the record's field values before the change, in field order, where the backend
 *              tells them (DynamoDB's old image of an update or a delete); else {@code null}
 */
public record ChangeNotice(Change.Kind kind, Value.@Nullable Record key, String token,
    Value.@Nullable Record old) {
  public ChangeNotice {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(token, "token");
    if (kind.isRecordChange() != (key != null)) {
      throw new IllegalArgumentException(kind + " with key " + key);
    }
  }

  /** A notice without the record's values before the change. */
  public ChangeNotice(Change.Kind kind, Value.@Nullable Record key, String token) {
    this(kind, key, token, null);
  }

  /** A mark: {@link Change.Kind#LISTENING} or {@link Change.Kind#GAP}. */
  public static ChangeNotice mark(Change.Kind kind) {
    return new ChangeNotice(kind, null, "");
  }
}
