package io.toasty.r2dbc;

import io.toasty.driver.ChangeNotice;
import io.toasty.sql.ddl.ChangePayload;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Puts one listening session's notices in order: the mark and the change log's rows (read on
 * the listener's connection once it listens) first, then the live notifications, which are
 * held until the log is read ({@link #CAUGHT_UP}). A change is given once: one whose log
 * number is not above the greatest given so far was given already (the log and the live
 * notifications overlap while the log is read). The log's numbers rise in commit order, as the
 * notifications arrive ({@code ChangeTriggerDdl}), so the comparison is exact. Not thread-safe:
 * fed by one serialized {@code Flux}.
 */
final class ResumeOrder {
  /** What the session read once the log is read; its notice is a placeholder never given. */
  static final Heard CAUGHT_UP = new Heard(null, false);

  private long high;
  private @Nullable List<ChangeNotice> held = new ArrayList<>();

  /** An order whose changes start after log number {@code after} (0: all). */
  ResumeOrder(long after) {
    this.high = after;
  }

  /**
   * A notice of the session, {@code live} when it is a notification rather than read from the
   * log or a mark; {@code notice} is null only for {@link #CAUGHT_UP}.
   */
  record Heard(@Nullable ChangeNotice notice, boolean live) {}

  /** The notices to give now that {@code heard} came, in order: none, it, or those held. */
  List<ChangeNotice> next(Heard heard) {
    List<ChangeNotice> waiting = held;
    if (heard == CAUGHT_UP) {
      held = null;
      List<ChangeNotice> out = new ArrayList<>();
      if (waiting != null) {
        waiting.forEach(n -> give(n, out));
      }
      return out;
    }
    ChangeNotice notice = Objects.requireNonNull(heard.notice());
    if (heard.live() && waiting != null) {
      waiting.add(notice);
      return List.of();
    }
    List<ChangeNotice> out = new ArrayList<>(1);
    give(notice, out);
    return out;
  }

  private void give(ChangeNotice notice, List<ChangeNotice> out) {
    if (!notice.kind().isRecordChange()) {
      out.add(notice);
      return;
    }
    long seq = ChangePayload.sequence(notice.token());
    if (seq > high) {
      high = seq;
      out.add(notice);
    }
  }
}
