package io.toasty.reactive.internal.change;

import io.toasty.Change;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * One stream's numbering of the notices it is given: each becomes a {@link Change} at the
 * stream's next position (from 1), its resume token the driver's token and that position. A
 * stream has its own, so that two subscribers of one model's shared reads
 * ({@link ChangeFanOut}) each count from 1.
 */
final class ChangeNumbering<M> {
  private final AtomicLong position = new AtomicLong();

  /** The changes of {@code read}, in its order. */
  List<Change<M>> changes(List<ReadNotice<M>> read) {
    List<Change<M>> out = new ArrayList<>(read.size());
    for (ReadNotice<M> r : read) {
      long at = position.incrementAndGet();
      String driverToken = r.notice().token();
      String token = driverToken.isEmpty() ? Long.toString(at) : driverToken + "/" + at;
      Value.@Nullable Record key = r.notice().key();
      out.add(key == null ? Change.mark(r.kind(), at, token)
          : new Change<>(r.kind(), key, r.record(), r.old(), at, token));
    }
    return out;
  }
}
