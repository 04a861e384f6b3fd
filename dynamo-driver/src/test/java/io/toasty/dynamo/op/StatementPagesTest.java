package io.toasty.dynamo.op;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.dynamo.table.Tables;
import io.toasty.schema.Schema;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;

/**
 * The pages of an ExecuteStatement: the next request is sent when the page before it has been
 * taken, and a page that comes back before its request's subscription returns does not make the
 * stream cancel the request it sent next.
 */
class StatementPagesTest {
  /** The requests the client was asked, and their answers: page 1 at once, page 2 held. */
  private final List<ExecuteStatementRequest> asked = new CopyOnWriteArrayList<>();
  private final CompletableFuture<ExecuteStatementResponse> second = new CompletableFuture<>();

  private static ExecuteStatementResponse page(int item, String nextToken) {
    return ExecuteStatementResponse.builder()
        .items(List.of(Map.of("seq", AttributeValue.fromN(Integer.toString(item)))))
        .nextToken(nextToken).build();
  }

  private DynamoContext context() {
    DynamoDbAsyncClient client = (DynamoDbAsyncClient) Proxy.newProxyInstance(
        DynamoDbAsyncClient.class.getClassLoader(), new Class<?>[] {DynamoDbAsyncClient.class},
        (proxy, method, args) -> {
          if (!method.getName().equals("executeStatement")) {
            throw new UnsupportedOperationException(method.getName());
          }
          asked.add((ExecuteStatementRequest) args[0]);
          // the first page is there before its subscription returns; the second comes later
          return asked.size() == 1 ? CompletableFuture.completedFuture(page(1, "t1")) : second;
        });
    return new DynamoContext(client, new Tables(Schema.of(List.of()), ""), null);
  }

  @Test
  void aPageThatComesBackAtOnceDoesNotCancelTheNextRequest() {
    StepVerifier.create(Pages.statement(context(), ExecuteStatementRequest.builder()
            .statement("SELECT * FROM \"events\"").build()))
        .expectNextCount(1)
        .then(() -> {
          assertEquals(2, asked.size(), "the second page's request was sent");
          assertEquals("t1", asked.get(1).nextToken());
          assertTrue(!second.isCancelled(), "the second page's request was cancelled");
          second.complete(page(2, null));
        })
        .expectNextCount(1)
        .expectComplete()
        .verify(Duration.ofSeconds(10));
  }

  @Test
  void aCancelReachesTheRequestUnderWay() {
    StepVerifier.create(Pages.statement(context(), ExecuteStatementRequest.builder()
            .statement("SELECT * FROM \"events\"").build()))
        .expectNextCount(1)
        .then(() -> assertEquals(2, asked.size(), "the second page's request is under way"))
        .thenCancel()
        .verify(Duration.ofSeconds(10));
    assertTrue(second.isCancelled(), "the request under way was cancelled");
  }
}
