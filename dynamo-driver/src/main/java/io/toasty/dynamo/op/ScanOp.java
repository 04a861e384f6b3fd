package io.toasty.dynamo.op;

import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.dynamo.expr.Cond;
import io.toasty.dynamo.expr.AndTerms;
import io.toasty.dynamo.expr.ConditionWriter;
import io.toasty.dynamo.expr.Placeholders;
import io.toasty.dynamo.expr.RowPredicate;
import io.toasty.dynamo.table.TableInfo;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * {@code Operation.Scan}, sent only where the planner found no key or index: a strongly
 * consistent Scan with the whole filter as its {@code FilterExpression}, streamed page by page;
 * a filter beyond DynamoDB's expression size ({@link ExpressionLimits}) is checked by the driver
 * on each item instead.
 */
public final class ScanOp {
  private ScanOp() {}

  public static Mono<ExecResponse> run(DynamoContext cx, Operation.Scan op) {
    return Mono.fromSupplier(() -> {
      TableInfo t = cx.table(op.table());
      return (ExecResponse) new ExecResponse.Rows(items(cx, t, op)
          .map(item -> Items.row(t, op.columns(), item))
          .onErrorMap(DynamoContext::translate));
    }).onErrorMap(DynamoContext::translate);
  }

  /** The items {@code op} reads, with at least its columns' attributes. */
  static Flux<Map<String, AttributeValue>> items(DynamoContext cx, TableInfo t,
      Operation.Scan op) {
    Placeholders ph = new Placeholders();
    Cond filter = new ConditionWriter(t, op.args(), ph).whenTrue(op.filter());
    if (filter.equals(Cond.FALSE)) {
      return Flux.empty();
    }
    String f = filter.textOrNull();
    if (ExpressionLimits.tooLong(f)) {
      return checkedByTheDriver(cx, t, op);
    }
    String projection = Items.projection(t, op.columns(), Set.of(), ph);
    ScanRequest request = ScanRequest.builder()
        .tableName(t.physicalName())
        .filterExpression(f)
        .projectionExpression(projection)
        .expressionAttributeNames(ph.names(f, projection))
        .expressionAttributeValues(ph.values(f, projection))
        .consistentRead(true)
        .limit(cx.pageSize())
        .build();
    return Pages.scan(cx, request);
  }

  /** The Scan without a filter, each item checked against the filter by the driver. */
  private static Flux<Map<String, AttributeValue>> checkedByTheDriver(DynamoContext cx, TableInfo t,
      Operation.Scan op) {
    Placeholders ph = new Placeholders();
    String projection = Items.projection(t, op.columns(), AndTerms.columns(op.filter()), ph);
    RowPredicate filter = new RowPredicate(t, op.args(), op.filter());
    ScanRequest request = ScanRequest.builder()
        .tableName(t.physicalName())
        .projectionExpression(projection)
        .expressionAttributeNames(ph.names(projection))
        .consistentRead(true)
        .limit(cx.pageSize())
        .build();
    return Pages.scan(cx, request).filter(filter::test);
  }
}
