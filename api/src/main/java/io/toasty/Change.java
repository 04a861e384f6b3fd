package io.toasty;

import io.toasty.value.Value;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One committed change of a model's records, or a mark in the stream of them, as
 * {@code db.changes(Tasks.MODEL)} (or {@code Tasks.changes(db)}) emits it.
 *
 * <pre>{@code
 * Tasks.changes(db)
 *     .filter(Change::isRecordChange)
 *     .subscribe(c -> log.info("{} {} -> {}", c.kind(), c.key(), c.record()));
 * }</pre>
 *
 * <p>Changes come in commit order: a transaction's changes after those of every transaction
 * that committed before it, and in the order it made them; so changes of one key are in order.
 * {@link Kind#LISTENING} comes first: every change committed after it is seen. A
 * {@link Kind#GAP} says changes may have been missed (the listener was away, or the subscriber
 * fell behind by more than the stream's buffer): re-read what you hold. See the user guide's change streams page for each backend's mechanism.
 *
 * @param kind        what happened
 * @param key         the record's primary key values, in key order; {@code null} for a mark
 * @param record      the record as read after the change was committed: {@code null} for a
 *                    delete, for a mark, and when the record was deleted before it could be
 *                    read (its {@link Kind#DELETED} follows)
 * @param old         the record before the change, where the backend tells it (DynamoDB's old
 *                    image of an update or a delete); {@code null} otherwise (PostgreSQL's
 *                    notifications carry keys only)
 * @param position    the change's place in the stream, counting from 1; a mark has one too
 * @param resumeToken where in the database's order of commits the change lies, as the backend
 *                    writes it (PostgreSQL: the transaction id, the change log's number and the
 *                    position): {@code db.changesAfter(model, resumeToken)} resumes after it
 * @param <T>         the model's record type
 */
public record Change<T>(Kind kind, Value.@Nullable Record key, @Nullable T record,
    @Nullable T old, long position, String resumeToken) {

  public Change {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(resumeToken, "resumeToken");
    if (kind.isRecordChange() != (key != null)) {
      throw new IllegalArgumentException(kind + " with key " + key);
    }
  }

  /** A mark at {@code position}: {@link Kind#LISTENING} or {@link Kind#GAP}. */
  public static <T> Change<T> mark(Kind kind, long position, String resumeToken) {
    return new Change<>(kind, null, null, null, position, resumeToken);
  }

  /** Whether this is a change of a record (created, updated or deleted), not a mark. */
  public boolean isRecordChange() {
    return kind.isRecordChange();
  }

  /** What a {@link Change} reports. */
  public enum Kind {
    /** A record was inserted. */
    CREATED,
    /** A record was updated. */
    UPDATED,
    /** A record was deleted. */
    DELETED,
    /** The stream listens now: every change committed from here on is seen. */
    LISTENING,
    /**
     * Changes were missed here: the stream listens again after losing its listener (a
     * connection ended by the server or the network), and changes committed while it was away
     * are not reported; or the subscriber was so slow that the changes waiting for it filled
     * the stream's buffer ({@code DbBuilder.changeBuffer}), and the next ones were dropped.
     */
    GAP;

    /** Whether a change of this kind is of a record, not a mark in the stream. */
    public boolean isRecordChange() {
      return this == CREATED || this == UPDATED || this == DELETED;
    }
  }
}
