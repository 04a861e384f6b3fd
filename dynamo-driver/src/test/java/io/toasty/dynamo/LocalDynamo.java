package io.toasty.dynamo;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/**
 * DynamoDB Local in this JVM (in memory, on a free loopback port), started on first use and
 * stopped when the JVM exits, and a client for it that counts requests by kind.
 */
final class LocalDynamo {
  private static DynamoDBProxyServer server;
  private static int port;
  private static DynamoDbAsyncClient client;
  static final Map<String, AtomicInteger> REQUESTS = new ConcurrentHashMap<>();
  /** The latest request of each kind, to check what a request carried. */
  static final Map<String, SdkRequest> LATEST = new ConcurrentHashMap<>();

  private LocalDynamo() {}

  static synchronized URI endpoint() {
    if (server == null) {
      try (ServerSocket s = new ServerSocket(0)) {
        port = s.getLocalPort();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      try {
        server = ServerRunner.createServerFromCommandLineArgs(new String[] {
            "-inMemory", "-disableTelemetry", "-port", String.valueOf(port)});
        server.start();
      } catch (Exception e) {
        throw new IllegalStateException("DynamoDB Local did not start", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          server.stop();
        } catch (Exception ignored) {
          // the JVM is exiting
        }
      }));
    }
    return URI.create("http://127.0.0.1:" + port);
  }

  /** The shared client; requests are counted in {@link #REQUESTS} by request class. */
  static synchronized DynamoDbAsyncClient client() {
    if (client == null) {
      client = DynamoDbAsyncClient.builder()
          .endpointOverride(endpoint())
          .region(Region.US_EAST_1)
          .credentialsProvider(StaticCredentialsProvider.create(
              AwsBasicCredentials.create("dummy", "dummy")))
          .httpClientBuilder(NettyNioAsyncHttpClient.builder()
              // A hang guard, not a limit: on a loaded test machine a hundred concurrent
              // transactions can keep all of the client's connections busy beyond the SDK's
              // default 10 s wait for one (seen in CI: "Acquire operation took longer").
              .connectionAcquisitionTimeout(Duration.ofSeconds(120)))
          .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context,
                ExecutionAttributes attributes) {
              REQUESTS.computeIfAbsent(context.request().getClass().getSimpleName(),
                  k -> new AtomicInteger()).incrementAndGet();
              LATEST.put(context.request().getClass().getSimpleName(), context.request());
            }
          }))
          .build();
    }
    return client;
  }

  /** How many requests of {@code kind} ("QueryRequest", ...) were sent so far. */
  static int requests(String kind) {
    AtomicInteger n = REQUESTS.get(kind);
    return n == null ? 0 : n.get();
  }

  /** Names of the tables that exist, all pages. */
  static List<String> tables() {
    List<String> out = new ArrayList<>();
    client().listTablesPaginator(r -> r.limit(100)).tableNames().subscribe(out::add).join();
    return out;
  }
}
