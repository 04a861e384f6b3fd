package io.toasty.reactive.exec;

import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

/**
 * A stream's rows cut into windows, its first rows held back until it either ends or passes two
 * windows, so that what follows knows which of the two it is before the first window
 * goes on. An include uses it to choose where its children are read: after parents that ended
 * early, on the parents' own connection, as <em>one</em> window (one child query per branch, as a
 * hand-written pair of queries sends: the rows are held anyway); beside parents that keep
 * streaming, on another, a window of {@code width} rows at a time. The rows come out in order
 * and at most two windows are held (the memory the windows of a stream take anyway); one
 * instance serves one subscription.
 */
final class HoldBack {
  /** The end of the stream, in band: it reaches {@link #next} after the last row. */
  private static final Value.Record END = Value.Record.adopt(new Value[0]);

  private final int width;
  /** The rows held while undecided; null once the stream is known to go on past two windows. */
  private @Nullable List<Value.Record> held = new ArrayList<>();
  /** The window being filled once decided. */
  private @Nullable List<Value.Record> current;
  /** Set before the first window goes on, read by what receives the windows. */
  private volatile boolean ended;

  private HoldBack(int width) {
    this.width = width;
  }

  /**
   * {@code rows} held back and cut as described; {@code then} builds what follows from the
   * windows as they go on and the instance, which tells whether the rows ended early.
   */
  static <T> Flux<T> of(Flux<Value.Record> rows, int width,
      BiFunction<Flux<List<Value.Record>>, HoldBack, Flux<T>> then) {
    return Flux.defer(() -> {
      HoldBack h = new HoldBack(width);
      // the demand of a window at a time keeps the rows requested near those held
      return then.apply(rows.concatWithValues(END).concatMapIterable(h::next, width + 1), h);
    });
  }

  /** Whether the stream ended within two windows; known once a window has gone on. */
  boolean endedEarly() {
    return ended;
  }

  /** The windows {@code row} completes: none while held, every held row when decided. */
  @SuppressWarnings("NullAway") // held is non-null until decided, current from then on
  private List<List<Value.Record>> next(Value.Record row) {
    if (held != null) {
      return row == END ? endEarly() : hold(row);
    }
    if (row == END) {
      return current.isEmpty() ? List.of() : List.of(current);
    }
    current.add(row);
    return current.size() < width ? List.of() : List.of(cut());
  }

  @SuppressWarnings("NullAway") // held is non-null until decided, current from then on
  private List<List<Value.Record>> endEarly() {
    ended = true;
    List<Value.Record> all = held;
    held = null;
    return all.isEmpty() ? List.of() : List.of(all);
  }

  /** {@code row} held; past two windows, the held rows cut into full windows and a rest. */
  @SuppressWarnings("NullAway") // held is non-null until decided, current from then on
  private List<List<Value.Record>> hold(Value.Record row) {
    held.add(row);
    if (held.size() <= 2 * width) {
      return List.of();
    }
    List<List<Value.Record>> out = new ArrayList<>();
    int full = held.size() - held.size() % width;
    for (int i = 0; i < full; i += width) {
      out.add(new ArrayList<>(held.subList(i, i + width)));
    }
    current = new ArrayList<>(held.subList(full, held.size()));
    held = null;
    return out;
  }

  @SuppressWarnings("NullAway") // held is non-null until decided, current from then on
  private List<Value.Record> cut() {
    List<Value.Record> out = current;
    current = new ArrayList<>(width);
    return out;
  }
}
