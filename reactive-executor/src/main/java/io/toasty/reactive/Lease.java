package io.toasty.reactive;

import io.toasty.driver.AcquireDeadline;
import io.toasty.driver.Connection;
import io.toasty.driver.Driver;
import io.toasty.reactive.exec.Sender;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The connections one plan runs on outside a transaction, taken under permits granted together
 * before the plan starts, and given back together when it ends: the {@link #main()} connection
 * for the plan's own statements and its result stream, and, where the lease has two, a worker for
 * the operations that must run while the result still streams (an include's child queries), one
 * at a time.
 *
 * <p>A child operation takes a third connection of its own when one is free at once and nobody
 * waits for one ({@code extra}), so that sibling includes run concurrently on an idle pool; it
 * never waits for one, which is what keeps the plan from holding connections while waiting.
 */
final class Lease {
  private static final String CLOSED = "the plan's connections were given back";

  private final Driver driver;
  private final ConnectionGate.Permit permit;
  private final int n;
  private final Supplier<Mono<Connection>> extra;
  /** The acquire timeout the wait for the permits began: the connections get what is left. */
  private final AcquireDeadline deadline;
  private final List<Connection> connections = new ArrayList<>(2);
  private boolean closed;
  private SerialConnection worker;

  Lease(Driver driver, ConnectionGate.Permit permit, int n, Supplier<Mono<Connection>> extra,
      AcquireDeadline deadline) {
    this.driver = driver;
    this.permit = permit;
    this.n = n;
    this.extra = extra;
    this.deadline = deadline;
  }

  /**
   * Takes the lease's connections, one after the other (its permits guarantee them: no other
   * holder waits for one of ours). Connections taken before a failure or a cancel are given back
   * by {@link #close()}, which the lease's user runs on every path. Each is watched by the
   * subscriber's {@link SendWatch}, if it has one.
   */
  Mono<Void> connect() {
    return Mono.deferContextual(context -> Flux.range(0, n)
        .concatMap(i -> driver.connect().contextWrite(deadline::into)
            .doOnNext(c -> add(SendWatch.watched(context, c))), 1).then());
  }

  private void add(Connection c) {
    boolean late;
    synchronized (this) {
      late = closed;
      if (!late) {
        connections.add(c);
        if (connections.size() == 2) {
          worker = new SerialConnection(c, CLOSED);
        }
      }
    }
    if (late) {
      c.close().subscribe(null, e -> { }); // arrived after a cancel
    }
  }

  /** The plan's own connection. */
  synchronized Connection main() {
    return connections.get(0);
  }

  /**
   * Where child operations go while the main connection streams: a free extra connection, else
   * the worker, one operation at a time; null when the lease has one connection only (the plan
   * then reads its parents to the end before it sends a child query on the main connection).
   */
  synchronized Sender aside() {
    if (worker == null) {
      return null;
    }
    SerialConnection w = worker;
    return op -> Flux.usingWhen(extra.get().map(Optional::of).defaultIfEmpty(Optional.empty()),
        c -> c.isPresent() ? Sender.of(c.get()).send(op) : w.send(op),
        Lease::closeExtra, (c, e) -> closeExtra(c), Lease::closeExtra);
  }

  private static Mono<Void> closeExtra(Optional<Connection> c) {
    return c.isPresent() ? c.get().close() : Mono.empty();
  }

  /** Gives every connection back (the worker once its operation is over), then the permits. */
  Mono<Void> close() {
    return Mono.defer(() -> {
      List<Mono<Void>> closes = new ArrayList<>(2);
      synchronized (this) {
        if (closed) {
          return Mono.empty();
        }
        closed = true;
        if (!connections.isEmpty()) {
          closes.add(connections.get(0).close());
        }
        if (worker != null) {
          closes.add(worker.close());
        }
      }
      return Flux.fromIterable(closes)
          .flatMap(c -> c.onErrorResume(e -> Mono.empty()))
          .then()
          .doFinally(s -> {
            if (permit != null) {
              permit.release();
            }
          });
    });
  }
}
