package io.toasty.spring;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.Wrapped;
import io.toasty.reactive.ConnectionPermit;
import io.toasty.reactive.Db;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
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
  private static final int CONNECTING = 0;
  private static final int HANDED_OVER = 1;
  private static final int CANCELLED = 2;
  private static final int FAILED = 3;
  private final ConnectionFactory pool;
  private final Supplier<Db> db;
  /** Whether the {@code Db} runs on {@link #pool}: null until it is known. */
  private volatile Db queue;

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
    return Mono.defer(() -> {
      Db gate = queue();
      return gate != null ? gate.connectionPermit().flatMap(this::connectUnder)
          : Mono.from(pool.create());
    });
  }

  /** The {@code Db} whose gate queues the connections, or null when it does not share the pool. */
  private Db queue() {
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
   * A pooled connection under {@code permit}, which it gives back when closed. A cancel does not
   * stop the pool's acquire: the connection that comes after it is closed at once, and the
   * permit goes back with it (or at once when the acquire fails), never while the connection
   * is out.
   *
   * <p>A cancel that comes after the hand-over gives the connection back too, rolled back and
   * closed ({@link PermittedConnection#giveBack()}): Spring's {@code R2dbcTransactionManager}
   * holds the connection it was handed while BEGIN runs, and a cancel then (a client gone in
   * that moment) leaves it to nobody, so neither its permit nor its pool slot would come back.
   * r2dbc-pool's own acquire releases a connection on such a cancel, without the rollback
   * (spring-framework#32115). Once BEGIN is over, no cancel reaches here: Spring rolls back
   * and closes the connection itself.
   *
   * <p>One state decides, whichever comes first, the connection or the cancel: the cancel
   * either finds the connection handed over and gives it back, or marks the wait abandoned so
   * that the connection is closed when it comes.
   */
  private Mono<Connection> connectUnder(ConnectionPermit permit) {
    AtomicInteger state = new AtomicInteger(); // CONNECTING, HANDED_OVER, CANCELLED or FAILED
    AtomicReference<PermittedConnection> connection = new AtomicReference<>();
    return Mono.<Connection>create(sink -> Mono.from(pool.create()).subscribe(
            c -> {
              PermittedConnection permitted = new PermittedConnection(c, permit);
              connection.set(permitted);
              if (state.compareAndSet(CONNECTING, HANDED_OVER)) {
                sink.success(permitted);
              } else {
                Mono.from(permitted.close()).subscribe(null, e -> { });
              }
            },
            e -> {
              permit.release();
              if (state.compareAndSet(CONNECTING, FAILED)) {
                sink.error(e);
              }
            },
            () -> {
              if (connection.get() == null) {
                permit.release();
                if (state.compareAndSet(CONNECTING, FAILED)) {
                  sink.error(new IllegalStateException("the pool gave no connection"));
                }
              }
            }))
        .doOnCancel(() -> {
          if (state.getAndSet(CANCELLED) == HANDED_OVER) {
            connection.get().giveBack().subscribe(null, e -> { });
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
