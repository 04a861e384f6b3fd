package io.toasty.reactive.exec;

import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;

/**
 * A stream's first rows held back until it either ends or passes {@code limit} rows, so that
 * what follows knows which of the two it is before the first row goes on. An include uses it to
 * choose where its children are read: after parents that ended early, on the parents' own
 * connection; beside parents that keep streaming, on another. The rows come out in order, held
 * ones first, and at most {@code limit} are held; one instance serves one subscription.
 */
final class HoldBack {
  /** The end of the stream, in band: it reaches {@link #next} after the last row. */
  private static final Value.Record END = Value.Record.adopt(new Value[0]);

  private final int limit;
  private List<Value.Record> held = new ArrayList<>();
  /** Set before the first row goes on, read by what receives the rows. */
  private volatile boolean ended;

  private HoldBack(int limit) {
    this.limit = limit;
  }

  /**
   * {@code rows} held back as described; {@code then} builds what follows from the rows as they
   * go on and the instance, which tells whether they ended early.
   */
  static <T> Flux<T> of(Flux<Value.Record> rows, int limit,
      java.util.function.BiFunction<Flux<Value.Record>, HoldBack, Flux<T>> then) {
    return Flux.defer(() -> {
      HoldBack h = new HoldBack(limit);
      // the demand of a window at a time keeps the rows requested near those held
      return then.apply(rows.concatWithValues(END).concatMapIterable(h::next, limit / 2 + 1), h);
    });
  }

  /** Whether the stream ended within {@code limit} rows; known once a row has gone on. */
  boolean endedEarly() {
    return ended;
  }

  /** What goes on when {@code row} arrives: nothing while held, the held rows when decided. */
  private List<Value.Record> next(Value.Record row) {
    if (held == null) { // decided: the stream goes on
      return row == END ? List.of() : List.of(row);
    }
    if (row == END) {
      ended = true;
      return release();
    }
    held.add(row);
    return held.size() <= limit ? List.of() : release();
  }

  private List<Value.Record> release() {
    List<Value.Record> out = held;
    held = null;
    return out;
  }
}
