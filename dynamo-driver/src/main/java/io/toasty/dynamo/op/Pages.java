package io.toasty.dynamo.op;

import java.util.Map;
import reactor.core.publisher.Flux;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Query and Scan results as a stream of items, one page (one request) at a time: the SDK's
 * paginator sends the next request, from the previous page's {@code LastEvaluatedKey}, only when
 * the subscriber has taken every item of the page before. Memory holds one page; cancelling
 * stops the paging.
 */
final class Pages {
  private Pages() {}

  static Flux<Map<String, AttributeValue>> query(DynamoContext cx, QueryRequest request) {
    return Flux.deferContextual(c -> Flux.from(cx.client().queryPaginator(cx.limited(request, c))))
        .concatMapIterable(QueryResponse::items, 1);
  }

  static Flux<Map<String, AttributeValue>> scan(DynamoContext cx, ScanRequest request) {
    return Flux.deferContextual(c -> Flux.from(cx.client().scanPaginator(cx.limited(request, c))))
        .concatMapIterable(ScanResponse::items, 1);
  }

  /**
   * The items of an ExecuteStatement, following its {@code NextToken}s as the SDK's paginators
   * follow {@code LastEvaluatedKey} (the SDK has no paginator for it): see
   * {@link StatementPages}.
   */
  static Flux<Map<String, AttributeValue>> statement(DynamoContext cx,
      ExecuteStatementRequest request) {
    return StatementPages.of(cx, request).concatMapIterable(ExecuteStatementResponse::items, 1);
  }
}
