package io.toasty.spring;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.Wrapped;
import io.toasty.reactive.ConnectionPermit;
import io.toasty.reactive.Db;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.springframework.core.InfrastructureProxy;
import reactor.core.publisher.Mono;

/**
 * The {@code ConnectionFactory} the starters give Spring's {@code R2dbcTransactionManager}: each
 * connection is taken from the application's pool once the {@code Db}'s connection gate grants
 * a permit ({@link Db#connectionPermit()}), first come first served with Toasty's own
 * statements, and the permit goes back when the connection is closed. Without it, a Spring
 * transaction took its connection from the pool directly, ahead of every request waiting at the
 * gate ({@code TransactionQueueContract}; docs/spring.md, "Spring transactions and the queue").
 *
 * <p>It is an {@link InfrastructureProxy} of the pool: Spring binds the transaction's connection
 * under the pool itself, so that {@code DatabaseClient} and the {@code Db} (its
 * {@code SpringTransactionBinding}) find it there. A statement inside the transaction runs on
 * that connection and never asks the gate for a second one.
 */
final class QueuedConnectionFactory implements ConnectionFactory, Wrapped<ConnectionFactory>,
    InfrastructureProxy {
  private final ConnectionFactory pool;
  private final Supplier<Db> db;
  /** Whether the {@code Db} runs on {@link #pool}: null until it is known. */
  private volatile @Nullable Db queue;

  /**
   * @param pool the application's pooled factory
   * @param db the {@code Db} whose gate queues the connections, looked up on the first
   *     connection (the transaction manager is made before it); connections are taken
   *     directly when it does not run on {@code pool}
   */
  QueuedConnectionFactory(ConnectionFactory pool, Supplier<Db> db) {
    this.pool = pool;
    this.db = db;
  }

  @Override
  public Publisher<? extends Connection> create() {
    return Mono.deferContextual(context -> {
      BeginTicket ticket = context.getOrDefault(BeginTicket.class, null);
      Db gate = queue();
      return gate != null
          ? gate.connectionPermit().flatMap(permit -> handOver(permit, ticket))
          : handOver(null, ticket);
    });
  }

  /** The {@code Db} whose gate queues the connections, or null when it does not share the pool. */
  private @Nullable Db queue() {
    Db known = queue;
    if (known == null) {
      Db found = db.get();
      if (SharedPool.between(found, pool)) {
        queue = found;
        known = found;
      }
    }
    return known;
  }

  /**
   * A pooled connection, under {@code permit} (null when the {@code Db} runs on another pool),
   * which it gives back when closed. A cancel does not stop the pool's acquire: the connection
   * that comes after it is closed at once, and the permit goes back with it (or at once when the
   * acquire fails), never while the connection is out.
   *
   * <p>The hand-over is decided once ({@link BeginTicket}): the connection either goes to the
   * begin or, given up first, is closed as it comes. Under a {@link ShieldedBegin} (the
   * starters' {@link CancelSafeTransactionManager}) the ticket is the begin's, and no cancel
   * reaches here after the hand-over: the begin runs to its end and is rolled back by the
   * manager. Under a bare {@code R2dbcTransactionManager}, a cancel after the hand-over (a
   * client gone while BEGIN runs, spring-framework#32115) gives the connection back here,
   * rolled back and closed ({@link PermittedConnection#giveBack()}); Spring would leave it to
   * nobody.
   */
  private Mono<Connection> handOver(@Nullable ConnectionPermit permit,
      @Nullable BeginTicket given) {
    BeginTicket ticket = given != null ? given : new BeginTicket();
    AtomicReference<PermittedConnection> connection = new AtomicReference<>();
    Runnable release = () -> {
      if (permit != null) {
        permit.release();
      }
    };
    return Mono.<Connection>create(sink -> Mono.from(pool.create()).subscribe(
            c -> {
              PermittedConnection permitted = new PermittedConnection(c, release);
              connection.set(permitted);
              if (ticket.handOver()) {
                sink.success(permitted);
              } else {
                Mono.from(permitted.close()).subscribe(null, e -> { });
              }
            },
            e -> {
              release.run();
              if (ticket.fail()) {
                sink.error(e);
              }
            },
            () -> {
              if (connection.get() == null) {
                release.run();
                if (ticket.fail()) {
                  sink.error(new IllegalStateException("the pool gave no connection"));
                }
              }
            }))
        .doOnCancel(() -> {
          if (ticket.cancel()) {
            PermittedConnection handed = connection.get(); // set before it was handed over
            if (handed != null) {
              handed.giveBack().subscribe(null, e -> { });
            }
          }
        });
  }

  @Override
  public ConnectionFactoryMetadata getMetadata() {
    return pool.getMetadata();
  }

  @Override
  public ConnectionFactory unwrap() {
    return pool;
  }

  @Override
  public Object getWrappedObject() {
    return pool;
  }
}
