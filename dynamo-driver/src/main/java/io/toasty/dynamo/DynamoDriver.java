package io.toasty.dynamo;

import io.toasty.driver.Capability;
import io.toasty.driver.ChangeNotice;
import io.toasty.driver.Connection;
import io.toasty.driver.Driver;
import io.toasty.driver.OperationText;
import io.toasty.driver.SchemaUpgrade;
import io.toasty.dynamo.ddl.SchemaPush;
import io.toasty.dynamo.op.DynamoContext;
import io.toasty.dynamo.stream.StreamChanges;
import io.toasty.dynamo.table.TableInfo;
import io.toasty.dynamo.table.Tables;
import io.toasty.error.DriverException;
import io.toasty.schema.Schema;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsAsyncClient;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbAsyncWaiter;

/**
 * The DynamoDB driver: the models' operations on a {@link DynamoDbAsyncClient} (Netty, never
 * blocking). {@link Capability#DYNAMODB}: no SQL, optimistic transactions; the planner sends
 * key lookups, partition and index queries, scans and writes by key.
 *
 * <p>Usually opened from a URL ({@code Toasty.builder().url("dynamodb://localhost:8000")}, see
 * {@link DynamoDriverProvider}); for full control over the client (credentials, retries, HTTP
 * settings), build one and hand it over:
 *
 * <pre>{@code
 * DynamoDbAsyncClient client = DynamoDbAsyncClient.builder()
 *     .region(Region.EU_WEST_1)
 *     .httpClientBuilder(NettyNioAsyncHttpClient.builder())
 *     .build();
 * Db db = Toasty.builder()
 *     .models(Users.MODEL)
 *     .driverFactory(config -> DynamoDriver.builder()
 *         .client(client)
 *         .schema(config.schema())
 *         .tablePrefix("app_")
 *         .build())
 *     .build();
 * }</pre>
 *
 * <p>A client handed to the builder stays the caller's: {@link #close()} leaves it open unless
 * {@link Builder#closeClient(boolean)} says otherwise.
 */
public final class DynamoDriver implements Driver {
  private static final Duration WAIT_FIRST = Duration.ofMillis(100);
  private static final Duration WAIT_MAX = Duration.ofSeconds(2);
  private static final Duration WAIT_TIMEOUT = Duration.ofMinutes(10);

  private final DynamoDbAsyncClient client;
  private final boolean ownsClient;
  private final DynamoContext context;
  private final AtomicBoolean closed = new AtomicBoolean();
  private @Nullable ScheduledExecutorService waiterThread;
  private @Nullable DynamoDbAsyncWaiter waiter;
  /** The client of DynamoDB Streams, for change streams: given, or made on first use. */
  private @Nullable DynamoDbStreamsAsyncClient streams;
  private boolean ownsStreams;

  private DynamoDriver(DynamoDbAsyncClient client, boolean ownsClient,
      @Nullable DynamoDbStreamsAsyncClient streams, Tables tables, @Nullable Integer pageSize,
      @Nullable Duration statementTimeout) {
    this.client = client;
    this.ownsClient = ownsClient;
    this.streams = streams;
    this.context = new DynamoContext(client, tables, pageSize, statementTimeout);
  }

  /** A builder for a driver over a client of your own. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Capability capability() {
    return Capability.DYNAMODB;
  }

  /**
   * The committed changes of {@code model}'s items, read from its table's DynamoDB stream
   * ({@link StreamChanges}) with the streams client given to the builder, or else one made on
   * first use with the region, endpoint and credentials of the DynamoDB client (and closed with
   * the driver).
   */
  @Override
  public Flux<ChangeNotice> changes(String model, @Nullable String after) {
    return Flux.defer(() -> closed.get()
        ? Flux.error(new DriverException(TableInfo.BACKEND, null, "the driver is closed", null))
        : streamsClient().flatMapMany(s -> StreamChanges.of(client, s,
            context.tables().ofModel(model), after)));
  }

  /** The streams client; one is built off the caller's thread (building reads settings). */
  private Mono<DynamoDbStreamsAsyncClient> streamsClient() {
    return Mono.fromCallable(() -> {
      synchronized (this) {
        if (streams == null) {
          streams = StreamsClients.like(client);
          ownsStreams = true;
        }
        return streams;
      }
    }).subscribeOn(Schedulers.boundedElastic());
  }

  @Override
  public Mono<Connection> connect() {
    return Mono.defer(() -> closed.get()
        ? Mono.error(new DriverException(TableInfo.BACKEND, null, "the driver is closed", null))
        : Mono.just(new DynamoConnection(context)));
  }

  @Override
  public Mono<Void> pushSchema() {
    return Mono.defer(() -> schema().push());
  }

  /** The DynamoDB calls this driver makes for the planner's operations, for {@code Db.explain}. */
  @Override
  public Optional<OperationText> operationText() {
    return Optional.of(new DynamoOperationText(context.tables()));
  }

  /** The GSIs the existing tables lack (see {@link SchemaPush#upgrades()}). */
  @Override
  public Mono<List<SchemaUpgrade>> schemaUpgrades() {
    return Mono.defer(() -> schema().upgrades());
  }

  @Override
  public Mono<Void> resetSchema() {
    return Mono.defer(() -> schema().reset());
  }

  /** Deletes the schema's tables (and their uniqueness tables). For tests and development. */
  public Mono<Void> dropSchema() {
    return Mono.defer(() -> schema().drop());
  }

  /** The prefix of this driver's table names. */
  public String tablePrefix() {
    return context.tables().prefix();
  }

  /** The client this driver sends its requests with. */
  public DynamoDbAsyncClient client() {
    return client;
  }

  private synchronized SchemaPush schema() {
    if (waiter == null) {
      ScheduledThreadPoolExecutor thread = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "toasty-dynamo-waiter");
        t.setDaemon(true);
        return t;
      });
      thread.setRemoveOnCancelPolicy(true);
      waiterThread = thread;
      waiter = DynamoDbAsyncWaiter.builder()
          .client(client)
          .scheduledExecutorService(thread)
          .overrideConfiguration(o -> o
              .backoffStrategyV2(BackoffStrategy.exponentialDelayHalfJitter(WAIT_FIRST, WAIT_MAX))
              .maxAttempts((int) (WAIT_TIMEOUT.toMillis() / WAIT_FIRST.toMillis()))
              .waitTimeout(WAIT_TIMEOUT))
          .build();
    }
    return new SchemaPush(client, context.tables(), waiter);
  }

  @Override
  public Mono<Void> close() {
    return Mono.defer(() -> {
      if (!closed.compareAndSet(false, true)) {
        return Mono.empty();
      }
      // Closing the SDK client shuts its Netty event loops down: off the caller's thread.
      return Mono.<Void>fromRunnable(() -> {
        synchronized (this) {
          if (waiterThread != null) {
            waiterThread.shutdownNow();
          }
          if (ownsStreams && streams != null) {
            streams.close();
          }
        }
        if (ownsClient) {
          client.close();
        }
      }).subscribeOn(Schedulers.boundedElastic());
    });
  }

  /** Builds a {@link DynamoDriver} over a client of your own. */
  public static final class Builder {
    private @Nullable DynamoDbAsyncClient client;
    private @Nullable DynamoDbStreamsAsyncClient streamsClient;
    private @Nullable Boolean closeClient;
    private @Nullable Schema schema;
    private String tablePrefix = "";
    private @Nullable Integer pageSize;
    private @Nullable Duration statementTimeout;

    private Builder() {}

    /**
     * How long one request may take before it is abandoned with a
     * {@code QueryTimeoutException} (default: the client's own limits); a statement's
     * {@code db.timeout(..)} overrides it.
     */
    public Builder statementTimeout(@Nullable Duration statementTimeout) {
      this.statementTimeout = statementTimeout;
      return this;
    }

    /** The client to send requests with (required). */
    public Builder client(DynamoDbAsyncClient client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * The DynamoDB Streams client change streams read with (default: one made on first use with
     * the region, endpoint and credentials of {@link #client}, closed with the driver). A client
     * given here stays yours, as the DynamoDB client does.
     */
    public Builder streamsClient(DynamoDbStreamsAsyncClient streamsClient) {
      this.streamsClient = Objects.requireNonNull(streamsClient, "streamsClient");
      return this;
    }

    /** Whether {@link DynamoDriver#close()} closes the client (default: no, it is yours). */
    public Builder closeClient(boolean closeClient) {
      this.closeClient = closeClient;
      return this;
    }

    /** The schema (required; in a driver factory, {@code config.schema()}). */
    public Builder schema(Schema schema) {
      this.schema = Objects.requireNonNull(schema, "schema");
      return this;
    }

    /** A prefix for every table name (default none), to keep applications or test runs apart. */
    public Builder tablePrefix(String tablePrefix) {
      this.tablePrefix = Objects.requireNonNull(tablePrefix, "tablePrefix");
      return this;
    }

    /** The {@code Limit} of each Query and Scan request (default: DynamoDB's 1 MB pages). */
    public Builder pageSize(@Nullable Integer pageSize) {
      if (pageSize != null && pageSize < 1) {
        throw new IllegalArgumentException("pageSize must be at least 1, was " + pageSize);
      }
      this.pageSize = pageSize;
      return this;
    }

    /**
     * The driver.
     *
     * @throws io.toasty.error.UnsupportedFeatureException naming the model, when a model has a key of
     *     more than two fields, or a key or index DynamoDB cannot hold
     * @throws IllegalStateException when the client or the schema is missing
     */
    public DynamoDriver build() {
      if (client == null) {
        throw new IllegalStateException("no client: call client(DynamoDbAsyncClient)");
      }
      if (schema == null) {
        throw new IllegalStateException("no schema: call schema(config.schema())");
      }
      return new DynamoDriver(client, closeClient != null && closeClient, streamsClient,
          new Tables(schema, tablePrefix), pageSize, statementTimeout);
    }

    /** For the provider: a driver that owns (and closes) its client. */
    DynamoDriver buildOwning() {
      closeClient = true;
      return build();
    }
  }
}
