package io.toasty.tck;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import io.toasty.ModelDef;
import io.toasty.driver.Capability;
import io.toasty.dynamo.DynamoDriver;
import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * DynamoDB Local, started once in the test JVM (in memory, on a free loopback port) when the
 * first scenario opens it, and stopped when the JVM exits. Each scenario run has tables of its
 * own: their names start with the run's database name ({@code tck_<uuid>_users}), and
 * {@link #dispose} deletes them. All runs share one client; the drivers leave it open.
 *
 * <p>Queries and scans read pages of {@value #PAGE_SIZE} items, so that scenarios with more rows
 * than that read across {@code LastEvaluatedKey} pages. Times keep nanoseconds (they are stored
 * as ISO-8601 text with nine fraction digits).
 */
final class DynamoLocalBackend implements Backend {
  static final DynamoLocalBackend INSTANCE = new DynamoLocalBackend();
  static final int PAGE_SIZE = 10;

  private final int port;
  private DynamoDBProxyServer server;
  private DynamoDbAsyncClient client;
  private DynamoEmptying emptying;

  private DynamoLocalBackend() {
    // Picks the port now, on the thread that loads the backends. Opening a socket here also
    // initializes java.net's socket classes, which read net.properties from disk once: done on
    // a Reactor thread under BlockHound, that read fails the class's initialization for the
    // whole JVM.
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String name() {
    return "dynamodb";
  }

  @Override
  public Capability capability() {
    return Capability.DYNAMODB;
  }

  @Override
  public ChronoUnit timePrecision() {
    return ChronoUnit.NANOS;
  }

  @Override
  public Db open(Request request) {
    DynamoDbAsyncClient c = client();
    return request.configure(Toasty.builder()
        .models(request.models().toArray(ModelDef<?>[]::new))
        .driverFactory(config -> DynamoDriver.builder()
            .client(c)
            .schema(config.schema())
            .tablePrefix(prefix(request.database()))
            .pageSize(PAGE_SIZE)
            .build())
        .poolMaxSize(request.poolMaxSize())
        .planCacheSize(request.planCacheSize())
        .wrapDriver(request.wrapDriver()))
        .build();
  }

  @Override
  public Mono<Void> dispose(String database) {
    String prefix = prefix(database);
    return Mono.defer(() -> {
      emptying().forget(prefix);
      return DynamoEmptying.tables(client(), prefix)
          .flatMap(name -> Mono.fromFuture(() -> client().deleteTable(r -> r.tableName(name)))
              .onErrorResume(ResourceNotFoundException.class, e -> Mono.empty()))
          .then();
    });
  }

  @Override
  public boolean empties() {
    return true;
  }

  @Override
  public Mono<Void> empty(String database) {
    return Mono.defer(() -> emptying().empty(prefix(database)));
  }

  private static String prefix(String database) {
    return database + "_";
  }

  private synchronized DynamoEmptying emptying() {
    if (emptying == null) {
      emptying = new DynamoEmptying(client());
    }
    return emptying;
  }

  /** The shared client, starting DynamoDB Local on first use. */
  synchronized DynamoDbAsyncClient client() {
    if (client == null) {
      try {
        server = ServerRunner.createServerFromCommandLineArgs(new String[] {
            "-inMemory", "-disableTelemetry", "-port", String.valueOf(port)});
        server.start();
      } catch (Exception e) {
        throw new IllegalStateException("DynamoDB Local did not start on port " + port, e);
      }
      DynamoDBProxyServer started = server;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          started.stop();
        } catch (Exception ignored) {
          // the JVM is exiting
        }
      }, "dynamodb-local-stop"));
      client = DynamoDbAsyncClient.builder()
          .endpointOverride(URI.create("http://127.0.0.1:" + port))
          .region(Region.US_EAST_1)
          .credentialsProvider(StaticCredentialsProvider.create(
              AwsBasicCredentials.create("tck", "tck")))
          .httpClientBuilder(NettyNioAsyncHttpClient.builder()
              // A hang guard, not a limit: on a loaded test machine a hundred concurrent
              // transactions can keep all of the client's connections busy beyond the SDK's
              // default 10 s wait for one (seen in CI: "Acquire operation took longer").
              .connectionAcquisitionTimeout(Duration.ofSeconds(120)))
          .build();
      // The first requests of a fresh DynamoDB Local are slow (it loads SQLite and warms up):
      // pay for that here, on the test thread, not inside the first scenario's bounded reset.
      client.listTables().join();
    }
    return client;
  }

  @Override
  public String toString() {
    return name();
  }
}
