package io.toasty.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.ValidationDepth;
import io.toasty.error.ConnectionLostException;
import io.toasty.r2dbc.R2dbcDrivers;
import io.toasty.reactive.Db;
import io.toasty.reactive.DbBuilder;
import io.toasty.reactive.RetryPolicy;
import io.toasty.reactive.Toasty;
import io.toasty.tck.models.Pet;
import io.toasty.tck.models.Pets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * On a real PostgreSQL server: a session killed ({@code pg_terminate_backend}) after the
 * {@code Db} took it and before its first statement makes that statement fail unsent, and the
 * write, or the whole transaction, is retried on a new session and applied exactly once. Without
 * a retry policy such a write still runs once more ({@code DbBuilder.retryLostReads}); with that
 * turned off the caller gets a {@link ConnectionLostException} saying nothing was sent.
 */
class UnsentRetryOnPostgresTest {
  private static final String SERVER = "r2dbc:postgresql://postgres@127.0.0.1:5432/test";
  private static final String SCHEMA = "unsent_retry_" + ProcessHandle.current().pid();
  private static final RetryPolicy THREE = new RetryPolicy(3, Duration.ofMillis(5),
      Duration.ofMillis(20), 0);

  private final ConnectionFactory server = ConnectionFactories.get(SERVER);
  /** The sessions the {@code Db} opened after its schema was pushed; the first is killed. */
  private final AtomicInteger created = new AtomicInteger();
  private volatile boolean armed;

  @BeforeEach
  void createSchema() {
    sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE", "CREATE SCHEMA " + SCHEMA);
  }

  @AfterEach
  void dropSchema() {
    sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
  }

  @Test
  void aWriteOnASessionKilledBeforeItsFirstStatementIsRetriedAndAppliedOnce() {
    Db db = db(Toasty.builder().retry(THREE));
    try {
      Pet rex = new Pet(1, 7, "rex", Optional.empty());
      assertEquals(rex, Pets.create().id(1).ownerId(7).name("rex").exec(db).block());
      assertEquals(List.of(rex), Pets.all().collect(db).block());
      assertEquals(3, created.get(), "the killed session, the retry's, the read's");
    } finally {
      db.close().block();
    }
  }

  @Test
  void aTransactionOnASessionKilledBeforeItsFirstStatementIsRetriedAndAppliedOnce() {
    Db db = db(Toasty.builder().transactionRetry(THREE));
    AtomicInteger runs = new AtomicInteger();
    try {
      db.transactionMono(tx -> {
        runs.incrementAndGet();
        return Pets.create().id(1).ownerId(7).name("rex").exec(tx)
            .then(Pets.create().id(2).ownerId(7).name("max").exec(tx));
      }).block();
      // BEGIN found the killed session closed: the function ran once, on the retry's session
      assertEquals(1, runs.get());
      assertEquals(2, created.get(), "the killed session, the retry's");
      assertEquals(2, Pets.all().collect(db).block().size());
    } finally {
      db.close().block();
    }
  }

  @Test
  void withoutARetryPolicyAWriteOfWhichNothingWasSentRunsOnceMoreAndIsAppliedOnce() {
    Db db = db(Toasty.builder());
    try {
      Pet rex = new Pet(1, 7, "rex", Optional.empty());
      assertEquals(rex, Pets.create().id(1).ownerId(7).name("rex").exec(db).block());
      assertEquals(List.of(rex), Pets.all().collect(db).block());
      assertEquals(3, created.get(), "the killed session, the second try's, the read's");
    } finally {
      db.close().block();
    }
  }

  @Test
  void withLostConnectionsNotTriedAgainTheCallerIsToldNothingWasSent() {
    Db db = db(Toasty.builder().retryLostReads(false));
    try {
      ConnectionLostException e = Assertions.assertThrows(
          ConnectionLostException.class,
          () -> Pets.create().id(1).ownerId(7).name("rex").exec(db).block());
      assertTrue(e.nothingSent(), e::getMessage);
      assertTrue(e.isTransient());
      assertEquals(List.of(), Pets.all().collect(db).block());
      assertFalse(e.getMessage().isEmpty());
    } finally {
      db.close().block();
    }
  }

  /** A {@code Db} on the test's schema whose first session after the schema push is killed. */
  private Db db(DbBuilder builder) {
    ConnectionFactory killing = new KillingFactory(
        ConnectionFactories.get(SERVER + "?schema=" + SCHEMA));
    Db db = builder.models(Pets.MODEL)
        .driverFactory(config -> R2dbcDrivers.onConnectionFactory(killing, config)).build();
    db.schema().push().block();
    armed = true;
    return db;
  }

  /** Sessions of {@code delegate}; the first once armed is killed before it is handed out. */
  private final class KillingFactory implements ConnectionFactory {
    private final ConnectionFactory delegate;

    KillingFactory(ConnectionFactory delegate) {
      this.delegate = delegate;
    }

    @Override
    public Publisher<? extends Connection> create() {
      return Mono.from(delegate.create()).flatMap(c -> armed && created.incrementAndGet() == 1
          ? killed(c).thenReturn(c) : Mono.just(c));
    }

    @Override
    public ConnectionFactoryMetadata getMetadata() {
      return delegate.getMetadata();
    }
  }

  /**
   * Ends {@code c}'s session on the server, then waits until the client has seen it closed: the
   * state in which the first statement finds it, with nothing sent (a condition, not a pause).
   */
  private Mono<Void> killed(Connection c) {
    return Flux.from(c.createStatement("SELECT pg_backend_pid()").execute())
        .concatMap(r -> r.map((row, meta) -> row.get(0, Integer.class))).single()
        .flatMap(pid -> Mono.usingWhen(Mono.from(server.create()),
            admin -> Flux.from(admin.createStatement("SELECT pg_terminate_backend(" + pid + ")")
                .execute()).concatMap(r -> r.map((row, meta) -> row.get(0))).then(),
            admin -> Mono.from(admin.close())))
        .then(Mono.defer(() -> Mono.from(c.validate(ValidationDepth.LOCAL)))
            .filter(valid -> !valid)
            .repeatWhenEmpty(n -> n.delayElements(Duration.ofMillis(1)))
            .then());
  }

  private void sql(String... statements) {
    Mono.usingWhen(Mono.from(server.create()),
        c -> Flux.fromArray(statements).concatMap(s -> Flux.from(c.createStatement(s).execute())
            .concatMap(r -> r.getRowsUpdated())).then(),
        c -> Mono.from(c.close())).block(Duration.ofSeconds(30));
  }
}
