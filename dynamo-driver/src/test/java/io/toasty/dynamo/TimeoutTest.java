package io.toasty.dynamo;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.driver.StatementTimeout;
import io.toasty.dynamo.models.Events;
import io.toasty.error.QueryTimeoutException;
import io.toasty.schema.Schema;
import io.toasty.stmt.ExprNode;
import io.toasty.value.Value;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/**
 * A request past its statement timeout is abandoned with a {@link QueryTimeoutException}: the
 * driver's default ({@code DriverConfig.statementTimeout}) and a statement's own limit from the
 * Context, on single requests (GetItem) and on paged ones (Scan, through the SDK's
 * {@code apiCallTimeout}). The "DynamoDB" here accepts connections and never answers, so without
 * the limit each request would wait for ever; nothing is timed.
 */
class TimeoutTest {
  private ServerSocket silent;
  private final List<Socket> accepted = new CopyOnWriteArrayList<>();
  private DynamoDbAsyncClient client;

  @BeforeEach
  void start() throws IOException {
    silent = new ServerSocket(0);
    Thread acceptor = new Thread(() -> {
      try {
        while (true) {
          accepted.add(silent.accept()); // held open, never read from or answered
        }
      } catch (IOException closed) {
        // the test is over
      }
    }, "silent-dynamodb");
    acceptor.setDaemon(true);
    acceptor.start();
    client = DynamoDbAsyncClient.builder()
        .endpointOverride(URI.create("http://127.0.0.1:" + silent.getLocalPort()))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create("dummy", "dummy")))
        .httpClientBuilder(NettyNioAsyncHttpClient.builder())
        .build();
  }

  @AfterEach
  void stop() throws IOException {
    client.close();
    silent.close();
    for (Socket s : accepted) {
      s.close();
    }
  }

  private DynamoDriver driver(Duration statementTimeout) {
    return DynamoDriver.builder().client(client)
        .schema(Schema.of(List.of(Events.MODEL.schema())))
        .statementTimeout(statementTimeout)
        .build();
  }

  private static Operation.GetByKey get() {
    return new Operation.GetByKey("events", List.of(0, 1, 2, 3),
        List.of(Value.Record.of(Harness.str("s"), Harness.i64(1))));
  }

  private static Mono<List<Value.Record>> rows(DynamoDriver d, Operation op) {
    return d.connect().flatMap(c -> c.exec(op))
        .flatMap(r -> ((ExecResponse.Rows) r).rows().collectList());
  }

  @Test
  void theDriversDefaultAbandonsARequestThatNeverAnswers() {
    QueryTimeoutException e = assertThrows(QueryTimeoutException.class,
        () -> rows(driver(Duration.ofMillis(300)), get()).block(Harness.TIMEOUT));
    assertTrue(e.getMessage().contains("statement timeout"), e.getMessage());
  }

  @Test
  void aStatementsOwnLimitAbandonsARequestThatNeverAnswers() {
    assertThrows(QueryTimeoutException.class, () -> rows(driver(null), get())
        .contextWrite(c -> StatementTimeout.withLimit(c, Duration.ofMillis(300)))
        .block(Harness.TIMEOUT));
  }

  @Test
  void aPagedScanIsLimitedByTheSdksApiCallTimeout() {
    Operation.Scan scan = new Operation.Scan("events", List.of(0, 1, 2, 3),
        new ExprNode.Const(Value.TRUE), List.of());
    assertThrows(QueryTimeoutException.class, () -> rows(driver(null), scan)
        .contextWrite(c -> StatementTimeout.withLimit(c, Duration.ofMillis(300)))
        .block(Harness.TIMEOUT));
  }
}
