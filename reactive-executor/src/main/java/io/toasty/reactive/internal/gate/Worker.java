package io.toasty.reactive.internal.gate;

import io.toasty.driver.Operation;
import io.toasty.value.RowReader;
import io.toasty.value.Value;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One of a {@link Lease}'s connections for child operations: one operation at a time, with the
 * number of operations sent to it and not yet ended, so that a sibling's operation can go to an
 * idle one instead of queueing.
 */
record Worker(SerialConnection connection, AtomicInteger inFlight) {

  Worker(SerialConnection connection) {
    this(connection, new AtomicInteger());
  }

  /** The worker with the fewest operations in flight (the first of equals). */
  static Worker leastBusy(List<Worker> workers) {
    Worker best = workers.get(0);
    for (Worker w : workers) {
      if (w.inFlight.get() < best.inFlight.get()) {
        best = w;
      }
    }
    return best;
  }

  /** Counts an operation about to be sent; the number in flight before it. */
  int take() {
    return inFlight.getAndIncrement();
  }

  /** Uncounts an operation that was taken but not sent. */
  void release() {
    inFlight.decrementAndGet();
  }

  /**
   * Sends a taken operation; it is uncounted when its rows end, fail or are cancelled. An end is
   * uncounted before its subscriber hears of it: whoever sends the next operation from there (an
   * include's next window) finds this worker idle and queues on its connection for the moment
   * the turn ends, instead of taking an extra connection from the pool.
   */
  Flux<Value.Record> send(Operation op) {
    return counted(connection.send(op));
  }

  /** {@link #send} of a query whose rows {@code reader} builds. */
  <T> Flux<T> read(Operation.QuerySql op, int[] fields, RowReader<T> reader) {
    return counted(connection.read(op, fields, reader));
  }

  /** {@link #read}'s records in one list. */
  <T> Mono<List<T>> readAll(Operation.QuerySql op, int[] fields, RowReader<T> reader) {
    return counted(connection.readAll(op, fields, reader).flux()).single();
  }

  private <T> Flux<T> counted(Flux<T> rows) {
    AtomicBoolean counted = new AtomicBoolean(true);
    Runnable uncount = () -> {
      if (counted.getAndSet(false)) {
        inFlight.decrementAndGet();
      }
    };
    return rows.doOnTerminate(uncount).doFinally(s -> uncount.run());
  }
}
