package io.toasty.reactive.internal.gate;

import io.toasty.driver.AcquireDeadline;
import io.toasty.driver.Capability;
import io.toasty.driver.ChangeNotice;
import io.toasty.driver.Connection;
import io.toasty.driver.Driver;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.driver.OperationText;
import io.toasty.driver.PoolState;
import io.toasty.driver.SchemaUpgrade;
import io.toasty.driver.internal.HandOver;
import io.toasty.error.PoolTimeoutException;
import io.toasty.value.RowReader;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code Db}'s way to its driver's connections: each connection is taken under a permit of a
 * {@link ConnectionGate} as large as the driver's pool, and a plan that needs several takes them
 * as one {@link #lease lease}. A driver without a pool ({@link Driver#poolState()} empty) is
 * used as it is.
 *
 * <p>A wait for permits longer than the acquire timeout fails with a transient
 * {@link PoolTimeoutException}, as the pool's own wait would. The two waits share one
 * {@link AcquireDeadline}: the driver's wait for its pool gets what the permit's left, so a
 * statement never waits longer than the acquire timeout in all.
 */
public final class GatedDriver implements Driver {
  /** The release of a permit of a driver without a pool: nothing to give back. */
  private static final Runnable NO_PERMIT = () -> { };

  private final Driver delegate;
  private final @Nullable ConnectionGate gate;
  private final Duration acquireTimeout;
  /** Plans that found their one connection's permit free at once ({@link Borrowed}). */
  private final LongAdder borrowedAtOnce =
      new LongAdder();

  public GatedDriver(Driver delegate, Duration acquireTimeout) {
    this.delegate = delegate;
    this.gate = delegate.poolState().map(s -> new ConnectionGate(s.maxSize())).orElse(null);
    this.acquireTimeout = acquireTimeout;
  }

  /** The permits behind this driver's connections, or null when it has no pool. */
  public @Nullable ConnectionGate gate() {
    return gate;
  }

  @Override
  public Capability capability() {
    return delegate.capability();
  }

  /**
   * One connection, under one permit given back when the connection is closed; watched by the
   * subscriber's {@link SendWatch}, if it has one.
   */
  @Override
  public Mono<Connection> connect() {
    return Mono.deferContextual(context -> permitted().map(c -> SendWatch.watched(context, c)));
  }

  private Mono<Connection> permitted() {
    if (gate == null) {
      return delegate.connect();
    }
    return HandOver.of(Mono.defer(() -> {
      AcquireDeadline deadline = AcquireDeadline.startingNow(acquireTimeout);
      return permits(1, deadline).flatMap(p -> connectUnder(p, deadline));
    }), Connection.class, c -> c.close().subscribe(null, e -> { }));
  }

  /**
   * One permit, first come first served with this driver's own connections, for a connection
   * someone else takes from the same pool ({@code Db.connectionPermit()}), as the action that
   * gives it back; a driver without a pool has none to wait for, and its action does nothing.
   * Fails with a {@link PoolTimeoutException} after the acquire
   * timeout; a cancel gives up the wait, or gives back a permit granted but not yet delivered.
   */
  public Mono<Runnable> connectionPermit() {
    if (gate == null) {
      return Mono.just(NO_PERMIT);
    }
    return Mono.defer(() -> permits(1, AcquireDeadline.startingNow(acquireTimeout)))
        .map(permit -> permit::release);
  }

  /**
   * The permits for {@code n} connections (fewer when the pool is smaller: at least one), taken
   * in one step, as a {@link Lease} that takes its connections when {@link Lease#connect()} runs
   * and gives back connections and permits when it is closed. Use it as a {@code usingWhen}
   * resource, so that it is closed on every path.
   */
  public Mono<Lease> lease(int n) {
    if (gate == null) {
      return Mono.fromSupplier(() -> new Lease(delegate, null, n, this::extra,
          AcquireDeadline.startingNow(acquireTimeout)));
    }
    return Mono.defer(() -> {
      AcquireDeadline deadline = AcquireDeadline.startingNow(acquireTimeout);
      return permits(n, deadline).map(permit -> new Lease(delegate, permit, permit.count(),
          this::extra, deadline));
    });
  }

  /**
   * {@code work} on one connection of its own, given back (with its permit) when the work ends,
   * fails or is cancelled, in one subscriber ({@link Borrowed}); through a {@link Lease} when
   * the driver has no pool.
   */
  public <T> Flux<T> withConnection(Function<Connection, Flux<T>> work) {
    return gate == null ? leased(work) : new Borrowed<>(this, gate, work);
  }

  /** {@code work} on the one connection of a {@link Lease}, closed on every path. */
  <T> Flux<T> leased(Function<Connection, Flux<T>> work) {
    return Flux.usingWhen(lease(1),
        lease -> lease.connect().thenMany(Flux.defer(() -> work.apply(lease.main()))),
        Lease::close, (lease, error) -> lease.close(), Lease::close);
  }

  /** The error of a driver's connect that completed without a connection. */
  static IllegalStateException noConnection() {
    return new IllegalStateException("the driver gave no connection");
  }

  /** The driver this one gates. */
  Driver delegate() {
    return delegate;
  }

  /** The acquire timeout of a statement's whole wait for its connections. */
  Duration acquireTimeout() {
    return acquireTimeout;
  }

  void countBorrowedAtOnce() {
    borrowedAtOnce.increment();
  }

  /** How many plans took their connection at once ({@link Borrowed}), for tests. */
  long borrowedAtOnce() {
    return borrowedAtOnce.sum();
  }

  /** A connection if a permit is free now and nobody waits for one, else empty. */
  private Mono<Connection> extra() {
    if (gate == null) {
      return delegate.connect();
    }
    return Mono.defer(() -> {
      ConnectionGate.Permit permit = gate.tryAcquire();
      return permit == null ? Mono.empty()
          : connectUnder(permit, AcquireDeadline.startingNow(acquireTimeout));
    });
  }

  /**
   * A connection under {@code permit}; the driver's own wait for its pool gets what is left of
   * {@code deadline}, which the wait for the permit began. A cancel does not stop the connect
   * (its deadline does): the permit goes back when the connect fails, or with the connection,
   * closed as soon as it comes ({@link HandOver#detached}).
   */
  private Mono<Connection> connectUnder(ConnectionGate.Permit permit, AcquireDeadline deadline) {
    return HandOver.detached(delegate.connect()
        .contextWrite(deadline::into)
        .<Connection>map(c -> new Permitted(c, permit))
        .switchIfEmpty(Mono.error(GatedDriver::noConnection))
        .doOnError(e -> permit.release()), c -> c.close().subscribe(null, e -> { }));
  }

  /** {@code n} permits of the gate, waited for until {@code deadline}. */
  @SuppressWarnings("NullAway") // asked only of a gated driver: callers check, or are a Borrowed
  Mono<ConnectionGate.Permit> permits(int n, AcquireDeadline deadline) {
    return gate.acquire(n, deadline.remaining(), () -> new PoolTimeoutException(
        delegate.capability().backend(), acquireTimeout, null));
  }

  @Override
  public boolean pipelinesReads() {
    return delegate.pipelinesReads();
  }

  @Override
  public Mono<Void> pushSchema() {
    return delegate.pushSchema();
  }

  @Override
  public Mono<List<SchemaUpgrade>> schemaUpgrades() {
    return delegate.schemaUpgrades();
  }

  @Override
  public Mono<Void> resetSchema() {
    return delegate.resetSchema();
  }

  /** The driver's pool, with the requests waiting at the gate counted as pending. */
  @Override
  public Optional<PoolState> poolState() {
    return delegate.poolState().map(s -> gate == null ? s : new PoolState(s.maxSize(),
        s.acquired(), s.idle(), s.allocated(), s.pending() + gate.waiting()));
  }

  @Override
  public Optional<OperationText> operationText() {
    return delegate.operationText();
  }

  @Override
  public <T> Optional<T> unwrap(Class<T> type) {
    return type.isInstance(this) ? Optional.of(type.cast(this)) : delegate.unwrap(type);
  }

  /** The driver's own: it listens on a connection outside the pool, so no permit is taken. */
  @Override
  public Flux<ChangeNotice> changes(String model, @Nullable String after) {
    return delegate.changes(model, after);
  }

  @Override
  public Mono<Void> close() {
    return delegate.close();
  }

  /** A connection whose permit goes back once the connection itself is back in the pool. */
  private static final class Permitted implements Connection {
    private final Connection delegate;
    private final ConnectionGate.Permit permit;

    Permitted(Connection delegate, ConnectionGate.Permit permit) {
      this.delegate = delegate;
      this.permit = permit;
    }

    @Override
    public Mono<ExecResponse> exec(Operation operation) {
      return delegate.exec(operation);
    }

    @Override
    public <T> Flux<T> read(Operation.QuerySql query, int[] fields,
        RowReader<T> reader) {
      return delegate.read(query, fields, reader);
    }

    @Override
    public <T> Mono<List<T>> readAll(Operation.QuerySql query, int[] fields,
        RowReader<T> reader) {
      return delegate.readAll(query, fields, reader);
    }

    @Override
    public <T> Flux<List<T>> readEach(List<Operation.QuerySql> queries, int[] fields,
        RowReader<T> reader) {
      return delegate.readEach(queries, fields, reader);
    }

    @Override
    public Mono<Void> close() {
      return delegate.close().doFinally(s -> permit.release());
    }
  }
}
