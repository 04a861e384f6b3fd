package io.toasty.dynamo.op;

import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.dynamo.expr.Cond;
import io.toasty.dynamo.expr.ConditionWriter;
import io.toasty.dynamo.expr.Placeholders;
import io.toasty.dynamo.expr.QueryConditions;
import io.toasty.dynamo.table.TableInfo;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * {@code Operation.Count}: the Query or Scan with {@code Select=COUNT}, each page's {@code Count}
 * summed over every page, so no item comes back. Where the driver itself must check part of the
 * condition on each item (a condition DynamoDB's expressions cannot hold), the read's items are
 * counted as they stream by instead: one page in memory at a time.
 */
public final class CountOp {
  private CountOp() {}

  public static Mono<ExecResponse> run(DynamoContext cx, Operation.Count op) {
    return (op.read() instanceof Operation.Scan s ? scan(cx, s)
        : query(cx, (Operation.QueryPk) op.read())).onErrorMap(DynamoContext::translate);
  }

  private static Mono<ExecResponse> scan(DynamoContext cx, Operation.Scan op) {
    return Mono.defer(() -> {
      TableInfo t = cx.table(op.table());
      Placeholders ph = new Placeholders();
      Cond filter = new ConditionWriter(t, op.args(), ph).whenTrue(op.filter());
      if (filter.equals(Cond.FALSE)) {
        return Mono.just(new ExecResponse.Count(0));
      }
      String f = filter.textOrNull();
      if (ExpressionLimits.tooLong(f)) {
        return streamed(ScanOp.run(cx, op));
      }
      ScanRequest request = ScanRequest.builder()
          .tableName(t.physicalName())
          .filterExpression(f)
          .expressionAttributeNames(ph.names(f))
          .expressionAttributeValues(ph.values(f))
          .consistentRead(true)
          .select(Select.COUNT)
          .limit(cx.pageSize())
          .build();
      return Flux.deferContextual(c -> cx.client().scanPaginator(cx.limited(request, c)))
          .map(ScanResponse::count)
          .reduce(0L, Long::sum).map(ExecResponse.Count::new);
    });
  }

  private static Mono<ExecResponse> query(DynamoContext cx, Operation.QueryPk op) {
    return Mono.defer(() -> {
      TableInfo t = cx.table(op.table());
      QueryConditions.Parts parts = QueryConditions.of(t, t.partitionKey(), t.sortKey(),
          op.keyCondition(), op.filter(), op.args());
      if (parts.empty()) {
        return Mono.just(new ExecResponse.Count(0));
      }
      if (!parts.residualColumns().isEmpty()) {
        return streamed(QueryPkOp.run(cx, op));
      }
      QueryRequest request = QueryRequests.of(t, parts, null)
          .select(Select.COUNT)
          .limit(cx.pageSize())
          .build();
      return Flux.deferContextual(c -> cx.client().queryPaginator(cx.limited(request, c)))
          .map(QueryResponse::count)
          .reduce(0L, Long::sum).map(ExecResponse.Count::new);
    });
  }

  private static Mono<ExecResponse> streamed(Mono<ExecResponse> rows) {
    return rows.flatMap(r -> ((ExecResponse.Rows) r).rows().count()).map(ExecResponse.Count::new);
  }
}
