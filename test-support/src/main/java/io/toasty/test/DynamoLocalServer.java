package io.toasty.test;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import io.toasty.ModelDef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * DynamoDB Local in the test JVM: in memory, on a free loopback port, started by the first
 * database opened on it (a few seconds) and stopped when the JVM exits. Each test database is a
 * table prefix ({@code <name>_}); dropping it deletes the tables with that prefix.
 */
final class DynamoLocalServer {
  private static @Nullable DynamoLocalServer started;

  private final int port;
  private final DynamoDbAsyncClient client;

  private DynamoLocalServer(int port, DynamoDbAsyncClient client) {
    this.port = port;
    this.client = client;
  }

  static TestDatabase open(String name, ModelDef<?>[] models) {
    DynamoLocalServer server = get();
    String prefix = name + "_";
    return TestDatabase.at(name,
        "dynamodb:local?endpoint=http://127.0.0.1:" + server.port + "&tablePrefix=" + prefix,
        models, () -> server.dropTables(prefix));
  }

  private void dropTables(String prefix) {
    Flux.from(client.listTablesPaginator(r -> { }).tableNames())
        .filter(table -> table.startsWith(prefix))
        .concatMap(table -> Mono.fromFuture(() -> client.deleteTable(r -> r.tableName(table)))
            .onErrorResume(ResourceNotFoundException.class, e -> Mono.empty()))
        .blockLast();
  }

  private static synchronized DynamoLocalServer get() {
    if (started == null) {
      started = start(freePort());
    }
    return started;
  }

  private static DynamoLocalServer start(int port) {
    DynamoDBProxyServer server;
    try {
      // -sharedDb: one set of tables whatever the credentials, so the client below sees the
      // tables the drivers (credentials local/local) create
      server = ServerRunner.createServerFromCommandLineArgs(new String[] {
          "-inMemory", "-sharedDb", "-disableTelemetry", "-port", String.valueOf(port)});
      server.start();
    } catch (Exception e) {
      throw new IllegalStateException("DynamoDB Local did not start on port " + port, e);
    }
    DynamoDBProxyServer running = server;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        running.stop();
      } catch (Exception ignored) {
        // the JVM is exiting
      }
    }, "toasty-test-dynamodb-stop"));
    DynamoDbAsyncClient client = DynamoDbAsyncClient.builder()
        .endpointOverride(URI.create("http://127.0.0.1:" + port))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create("local", "local")))
        .build();
    // The first requests of a fresh DynamoDB Local are slow: pay for that once, here.
    client.listTables().join();
    return new DynamoLocalServer(port, client);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
