package io.toasty.reactive.internal.change;

import io.toasty.Change;
import io.toasty.driver.ChangeNotice;
import org.jspecify.annotations.Nullable;

/**
 * A driver's notice with what its batch's read found: the kind the stream reports (a soft
 * delete's update reported as a delete), the record as read after the commit, and the record
 * before the change where the backend told it. Read once per batch, it is shared by every
 * subscriber of the model's live changes ({@link ChangeFanOut}); each subscriber numbers it
 * ({@link ChangeNumbering}).
 *
 * @param notice the driver's notice
 * @param kind   what the stream reports
 * @param record the record as read after the commit; null for a delete, a mark, or a record
 *               deleted before it was read
 * @param old    the record before the change, where the backend told it
 */
record ReadNotice<M>(ChangeNotice notice, Change.Kind kind, @Nullable M record,
    @Nullable M old) {

  /** A mark ({@link Change.Kind#LISTENING}, {@link Change.Kind#GAP}), which reads nothing. */
  static <M> ReadNotice<M> mark(Change.Kind kind) {
    return new ReadNotice<>(ChangeNotice.mark(kind), kind, null, null);
  }

  /** Whether it is a {@link Change.Kind#GAP} mark. */
  boolean isGap() {
    return kind == Change.Kind.GAP;
  }
}
