package io.toasty.dynamo.op;

import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.dynamo.expr.QueryConditions;
import io.toasty.dynamo.table.TableInfo;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * {@code Operation.QueryPk}: a strongly consistent Query on the table, partition key equality and
 * at most one sort key condition in the {@code KeyConditionExpression}, other attributes in the
 * {@code FilterExpression}, and what neither may hold checked by the driver on each item (see
 * {@link QueryConditions}). Rows stream in sort key order, page by page.
 */
public final class QueryPkOp {
  private QueryPkOp() {}

  public static Mono<ExecResponse> run(DynamoContext cx, Operation.QueryPk op) {
    return Mono.fromSupplier(() -> {
      TableInfo t = cx.table(op.table());
      return (ExecResponse) new ExecResponse.Rows(items(cx, t, op)
          .map(item -> Items.row(t, op.columns(), item))
          .onErrorMap(DynamoContext::translate));
    }).onErrorMap(DynamoContext::translate);
  }

  /** The items {@code op} reads, in its order, with at least its columns' attributes. */
  static Flux<Map<String, AttributeValue>> items(DynamoContext cx, TableInfo t,
      Operation.QueryPk op) {
    QueryConditions.Parts parts = QueryConditions.of(t, t.partitionKey(), t.sortKey(),
        op.keyCondition(), op.filter(), op.args());
    if (parts.empty()) {
      return Flux.empty();
    }
    String projection = Items.projection(t, op.columns(), parts.residualColumns(),
        parts.placeholders());
    QueryRequest request = QueryRequests.of(t, parts, projection)
        .scanIndexForward(op.forward())
        .limit(limit(op.pageSize(), cx.pageSize()))
        .build();
    return Pages.query(cx, request)
        .filter(Objects.requireNonNull(parts.residual(), "not empty: it has one")::test);
  }

  /**
   * The request's {@code Limit}: the rows the engine will take (a page and one more), when it
   * said so and that is below the driver's own page size; reading goes on from the
   * {@code LastEvaluatedKey} while rows are asked for (a filter may drop some).
   */
  static @Nullable Integer limit(long wanted, @Nullable Integer configured) {
    if (wanted < 1 || wanted > Integer.MAX_VALUE) {
      return configured;
    }
    return configured == null ? Integer.valueOf((int) wanted)
        : Integer.valueOf((int) Math.min(wanted, configured));
  }
}
