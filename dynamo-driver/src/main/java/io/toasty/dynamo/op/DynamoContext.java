package io.toasty.dynamo.op;

import io.toasty.driver.StatementTimeout;
import io.toasty.dynamo.error.DynamoErrors;
import io.toasty.dynamo.table.TableInfo;
import io.toasty.dynamo.table.Tables;
import io.toasty.error.QueryTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;

/**
 * What every operation needs: the client, the tables, and the page size.
 *
 * @param pageSize the {@code Limit} of each Query and Scan request, or null for DynamoDB's 1 MB
 *                 pages
 * @param statementTimeout how long one request may take unless the statement's Context says
 *                 otherwise ({@link StatementTimeout}), or null for the client's own limits
 */
public record DynamoContext(DynamoDbAsyncClient client, Tables tables, @Nullable Integer pageSize,
    @Nullable Duration statementTimeout) {
  public DynamoContext {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(tables, "tables");
    if (pageSize != null && pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be at least 1, was " + pageSize);
    }
  }

  /** A context whose requests have no limit but the client's own. */
  public DynamoContext(DynamoDbAsyncClient client, Tables tables, @Nullable Integer pageSize) {
    this(client, tables, pageSize, null);
  }

  /**
   * One SDK call: nothing is sent before subscription, and cancelling cancels the future. Errors
   * come raw, for the operation to recognize the ones it expects; see {@link #translate}. Under a
   * statement timeout (the Context's, else {@link #statementTimeout}) the call is abandoned at
   * the limit, as the SDK's {@code apiCallTimeout} does (the future is cancelled, which aborts
   * the HTTP request), with a {@link QueryTimeoutException}: DynamoDB has no statement to stop
   * on the server, and a write that reached it before the limit may still apply.
   */
  public <T> Mono<T> call(Supplier<CompletableFuture<T>> request) {
    return Mono.deferContextual(context -> {
      Optional<Duration> limit = StatementTimeout.remaining(context, statementTimeout);
      if (limit.isEmpty()) {
        return Mono.fromFuture(request);
      }
      Duration d = limit.get();
      if (d.isZero() || d.isNegative()) {
        return Mono.error(StatementTimeout.expired(TableInfo.BACKEND));
      }
      return Mono.fromFuture(request).timeout(d, Mono.error(() -> new QueryTimeoutException(
          TableInfo.BACKEND, null, "the request did not finish within its statement timeout of "
          + d.toMillis() + " ms and was abandoned; a write may still have been applied", null)));
    });
  }

  /**
   * {@code request} (a Query or Scan page) limited, under a statement timeout, by the SDK's
   * {@code apiCallTimeout}, which the paginator keeps for every page it asks.
   */
  <R extends DynamoDbRequest> R limited(R request, ContextView context) {
    Optional<Duration> limit = StatementTimeout.remaining(context, statementTimeout)
        .filter(d -> !d.isZero() && !d.isNegative());
    if (limit.isEmpty()) {
      return request;
    }
    @SuppressWarnings("unchecked")
    R r = (R) request.toBuilder().overrideConfiguration(AwsRequestOverrideConfiguration.builder()
        .apiCallTimeout(limit.get()).build()).build();
    return r;
  }

  /**
   * A fresh {@code ClientRequestToken} for TransactWriteItems. The SDK's default is
   * {@code UUID.randomUUID()}, which may read {@code /dev/urandom} (a blocking call) on the
   * subscriber's thread; the token needs uniqueness, not secrecy.
   */
  public static String requestToken() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return new UUID(r.nextLong(), r.nextLong()).toString();
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
