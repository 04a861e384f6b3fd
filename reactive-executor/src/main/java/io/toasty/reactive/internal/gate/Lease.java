package io.toasty.reactive.internal.gate;

import io.toasty.driver.AcquireDeadline;
import io.toasty.driver.Connection;
import io.toasty.driver.Driver;
import io.toasty.driver.Operation;
import io.toasty.driver.internal.HandOver;
import io.toasty.reactive.exec.Sender;
import io.toasty.value.RowReader;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * The connections one plan runs on outside a transaction, taken under permits granted together
 * before the plan starts, and given back together when it ends: the {@link #main()} connection
 * for the plan's own statements and its result stream, and, where the lease has more, workers for
 * the operations that must run while the result still streams (an include's child queries), each
 * one operation at a time. A plan whose includes have {@code k} sibling branches leases
 * {@code 1 + k} permits (at most the pool's size), so that its branches run at once.
 *
 * <p>The main connection is taken before the plan starts; the workers' only when the first
 * operation is sent aside. An include whose parents end early reads its children after them on
 * the main connection and never takes its workers: it costs the pool one connection, as the
 * hand-written pair of queries does, and wakes one event loop instead of two. The permits
 * guarantee the workers: no other holder waits for one of ours.
 *
 * <p>An operation goes to an idle worker; when none is idle it takes an extra connection of its
 * own if one is free at once and nobody waits for one ({@code extra}), else it waits its turn on
 * the least busy worker. It never waits for a connection held by another plan, which is what
 * keeps the plan from holding connections while waiting.
 */
public final class Lease {
  private static final String CLOSED = "the plan's connections were given back";

  private final Driver driver;
  private final ConnectionGate.@Nullable Permit permit;
  private final int n;
  private final Supplier<Mono<Connection>> extra;
  /** The acquire timeout the wait for the permits began: the connections get what is left. */
  private final AcquireDeadline deadline;
  private final List<Connection> connections = new ArrayList<>(2);
  private final List<Worker> workers = new ArrayList<>(1);
  private boolean closed;
  /** Connects under way: the permits go back only once none is (see {@link #connectOne}). */
  private int connecting;
  /** The lease closed while connects were under way: the last of them gives the permits back. */
  private boolean permitOwed;

  public Lease(Driver driver, ConnectionGate.@Nullable Permit permit, int n,
      Supplier<Mono<Connection>> extra, AcquireDeadline deadline) {
    this.driver = driver;
    this.permit = permit;
    this.n = n;
    this.extra = extra;
    this.deadline = deadline;
  }

  /**
   * Takes the lease's main connection; its workers are taken when the first operation is sent
   * aside ({@link #aside()}). A connection taken before a failure or a cancel is given back by
   * {@link #close()}, which the lease's user runs on every path. Each is watched by the
   * subscriber's {@link SendWatch}, if it has one.
   */
  public Mono<Void> connect() {
    return Mono.deferContextual(context -> connectOne(context, deadline));
  }

  /**
   * The workers, taken one after the other on the first call's subscription and shared by every
   * later one. Their permits are held already, so each is free or about to be: the wait for it
   * gets an acquire timeout of its own, not what the main connection's wait left.
   */
  private Mono<List<Worker>> workers(ContextView context) {
    AcquireDeadline fresh = AcquireDeadline.startingNow(deadline.limit());
    return Flux.range(1, n - 1).concatMap(i -> connectOne(context, fresh), 1)
        .then(Mono.fromCallable(this::connectedWorkers));
  }

  /** The workers connected; a lease closed meanwhile has none to offer. */
  private synchronized List<Worker> connectedWorkers() {
    if (closed) {
      throw new IllegalStateException(CLOSED);
    }
    return List.copyOf(workers);
  }

  /**
   * One connection taken and added. A cancel does not stop the connect ({@link
   * HandOver#detached}): a connection that comes after the lease closed is closed at once, and
   * the permits wait for it, so that they never serve another request while a connection taken
   * under them is still out.
   */
  private Mono<Void> connectOne(ContextView context, AcquireDeadline wait) {
    return Mono.defer(() -> {
      synchronized (this) {
        if (closed) {
          return Mono.empty();
        }
        connecting++;
      }
      return HandOver.detached(driver.connect().contextWrite(wait::into)
          .switchIfEmpty(Mono.error(GatedDriver::noConnection))
          .doOnNext(c -> add(SendWatch.watched(context, c)))
          .doOnError(e -> settled()), c -> { }).then();
    });
  }

  private void add(Connection c) {
    boolean late;
    synchronized (this) {
      late = closed;
      if (!late) {
        connecting--;
        connections.add(c);
        if (connections.size() > 1) {
          workers.add(new Worker(new SerialConnection(c, CLOSED)));
        }
      }
    }
    if (late) {
      c.close().subscribe(null, e -> settled(), this::settled); // arrived after a cancel
    }
  }

  /** A connect ended without adding its connection: the last gives back permits owed. */
  private void settled() {
    boolean release;
    synchronized (this) {
      connecting--;
      release = permitOwed && connecting == 0;
      if (release) {
        permitOwed = false;
      }
    }
    if (release && permit != null) { // owed only with a permit (releaseOrOwe)
      permit.release();
    }
  }

  /** The plan's own connection. */
  public synchronized Connection main() {
    return connections.get(0);
  }

  /**
   * Where child operations go while the main connection streams: an idle worker, else a free
   * extra connection, else the least busy worker; null when the lease has one connection only
   * (the plan then reads its parents to the end before it sends a child query on the main
   * connection). The first operation sent takes the workers.
   */
  public @Nullable Sender aside() {
    if (n == 1) {
      return null;
    }
    Mono<List<Worker>> all = Mono.deferContextual(this::workers).cache();
    return new Sender() {
      @Override
      public Flux<Value.Record> send(Operation op) {
        return all.flatMapMany(ws -> routed(ws, w -> w.send(op), s -> s.send(op)));
      }

      @Override
      public <T> Flux<T> read(Operation.QuerySql op, int[] fields, RowReader<T> reader) {
        return all.flatMapMany(ws -> routed(ws, w -> w.read(op, fields, reader),
            s -> s.read(op, fields, reader)));
      }

      @Override
      public <T> Mono<List<T>> readAll(Operation.QuerySql op, int[] fields,
          RowReader<T> reader) {
        return all.flatMap(ws -> routed(ws, w -> w.readAll(op, fields, reader).flux(),
            s -> s.readAll(op, fields, reader).flux()).single());
      }
    };
  }

  /** One operation, run by {@code onWorker} or {@code onExtra} as {@link #aside} chooses. */
  private <T> Flux<T> routed(List<Worker> all, Function<Worker, Flux<T>> onWorker,
      Function<Sender, Flux<T>> onExtra) {
    return Flux.defer(() -> {
      Worker w = Worker.leastBusy(all);
      if (w.take() == 0) {
        return onWorker.apply(w);
      }
      w.release(); // busy: a free extra connection first, else a turn on the least busy worker
      return Flux.usingWhen(extra.get().map(Optional::of).defaultIfEmpty(Optional.empty()),
          c -> {
            if (c.isPresent()) {
              return onExtra.apply(Sender.of(c.get()));
            }
            Worker turn = Worker.leastBusy(all); // may have changed meanwhile
            turn.take();
            return onWorker.apply(turn);
          },
          Lease::closeExtra, (c, e) -> closeExtra(c), Lease::closeExtra);
    });
  }

  private static Mono<Void> closeExtra(Optional<Connection> c) {
    return c.isPresent() ? c.get().close() : Mono.empty();
  }

  /**
   * Gives every connection back (the worker once its operation is over), then the permits, or
   * leaves them to the last connect still under way.
   */
  public Mono<Void> close() {
    return Mono.defer(() -> {
      List<Mono<Void>> closes = new ArrayList<>(1 + workers.size());
      synchronized (this) {
        if (closed) {
          return Mono.empty();
        }
        closed = true;
        if (!connections.isEmpty()) {
          closes.add(connections.get(0).close());
        }
        workers.forEach(w -> closes.add(w.connection().close()));
      }
      // one connection (a plan's usual lease): no flatMap's machinery for a list of one
      Mono<Void> all = closes.size() == 1 ? closes.get(0).onErrorResume(e -> Mono.empty())
          : Flux.fromIterable(closes).flatMap(c -> c.onErrorResume(e -> Mono.empty())).then();
      return all.doFinally(s -> releaseOrOwe());
    });
  }

  private void releaseOrOwe() {
    if (permit == null) {
      return;
    }
    boolean release;
    synchronized (this) {
      release = connecting == 0;
      permitOwed = !release;
    }
    if (release) {
      permit.release();
    }
  }
}
