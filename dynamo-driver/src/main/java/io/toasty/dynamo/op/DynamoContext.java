package io.toasty.dynamo.op;

import io.toasty.dynamo.error.DynamoErrors;
import io.toasty.dynamo.table.TableInfo;
import io.toasty.dynamo.table.Tables;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/**
 * What every operation needs: the client, the tables, and the page size.
 *
 * @param pageSize the {@code Limit} of each Query and Scan request, or null for DynamoDB's 1 MB
 *                 pages
 */
public record DynamoContext(DynamoDbAsyncClient client, Tables tables, Integer pageSize) {
  public DynamoContext {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(tables, "tables");
    if (pageSize != null && pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be at least 1, was " + pageSize);
    }
  }

  /**
   * One SDK call: nothing is sent before subscription, and cancelling cancels the future. Errors
   * come raw, for the operation to recognize the ones it expects; see {@link #translate}.
   */
  public static <T> Mono<T> call(Supplier<CompletableFuture<T>> request) {
    return Mono.fromFuture(request);
  }

  /**
   * A fresh {@code ClientRequestToken} for TransactWriteItems. The SDK's default is
   * {@code UUID.randomUUID()}, which may read {@code /dev/urandom} (a blocking call) on the
   * subscriber's thread; the token needs uniqueness, not secrecy.
   */
  public static String requestToken() {
    java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
    return new java.util.UUID(r.nextLong(), r.nextLong()).toString();
  }

  /** The table called {@code name}. */
  public TableInfo table(String name) {
    return tables.get(name);
  }

  /** The typed error for an SDK error. */
  public static Throwable translate(Throwable t) {
    return DynamoErrors.translate(t);
  }
}
