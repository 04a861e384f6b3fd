package io.toasty.dynamo.op;

import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.dynamo.codec.AttributeCodec;
import io.toasty.dynamo.expr.AndTerms;
import io.toasty.dynamo.expr.Placeholders;
import io.toasty.dynamo.expr.QueryConditions;
import io.toasty.dynamo.table.TableInfo;
import io.toasty.stmt.ExprNode;
import io.toasty.value.Value;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * {@code Operation.FindPkByIndex}: a Query on the index's global secondary index that returns
 * the primary keys of the matching items (key condition, filter and driver-side checks as for
 * {@link QueryPkOp}). GSI reads are eventually consistent; so where the index is unique and the
 * condition fixes every one of its fields, the key is read instead, strongly consistent, from the
 * uniqueness item that guards the value: a record is found by its unique value as soon as its
 * create has returned. With {@code columns} (the query accepted an eventually consistent read)
 * the same Query returns those columns of the items: the driver's indexes project every
 * attribute, so one index Query answers where keys then BatchGetItem would take two requests.
 */
public final class FindPkByIndexOp {
  private FindPkByIndexOp() {}

  public static Mono<ExecResponse> run(DynamoContext cx, Operation.FindPkByIndex op) {
    return Mono.fromSupplier(() -> {
      TableInfo t = cx.table(op.table());
      TableInfo.Index ix = t.index(op.index());
      boolean items = !op.columns().isEmpty();
      List<Integer> columns = items ? op.columns() : t.primaryKey();
      // asked for items, the caller accepted an eventually consistent read: the index has them
      Map<String, AttributeValue> unique = items ? null : uniqueLookup(t, ix, op);
      if (unique != null) {
        return (ExecResponse) new ExecResponse.Rows(owner(cx, t, ix, unique));
      }
      QueryConditions.Parts parts = QueryConditions.of(t, ix.partition(), ix.sort(),
          new HashSet<>(t.primaryKey()), op.keyCondition(), op.filter(), op.args());
      if (parts.empty()) {
        return new ExecResponse.Rows(Flux.empty());
      }
      Placeholders ph = parts.placeholders();
      // the keys (or columns), and what the driver checks itself (null: every attribute)
      String p = Items.projection(t, columns, parts.residualColumns(), ph);
      String kc = parts.keyCondition();
      String f = parts.filter();
      QueryRequest request = QueryRequest.builder()
          .tableName(t.physicalName())
          .indexName(ix.name())
          .keyConditionExpression(kc)
          .filterExpression(f)
          .projectionExpression(p)
          .expressionAttributeNames(ph.names(kc, f, p))
          .expressionAttributeValues(ph.values(kc, f, p))
          .scanIndexForward(op.forward())
          .limit(QueryPkOp.limit(op.pageSize(), cx.pageSize()))
          .build();
      return new ExecResponse.Rows(Pages.query(cx, request)
          .filter(Objects.requireNonNull(parts.residual(), "not empty: it has one")::test)
          .map(item -> Items.row(t, columns, item))
          .onErrorMap(DynamoContext::translate));
    }).onErrorMap(DynamoContext::translate);
  }

  /**
   * The values of the index's fields when the operation asks for exactly "each field of a
   * guarded unique index equals a value", else null. An empty map: a value is NULL, nothing
   * matches.
   */
  private static @Nullable Map<String, AttributeValue> uniqueLookup(TableInfo t, TableInfo.Index ix,
      Operation.FindPkByIndex op) {
    // an index of live items only (TableInfo.liveOnly) has no item for a deleted holder
    if (!t.uniqueIndexes().contains(ix) || t.liveOnly(ix) || !op.filter().equals(ExprNode.TRUE)) {
      return null;
    }
    List<ExprNode> terms = AndTerms.of(op.keyCondition());
    if (terms.size() != ix.columns().size()) {
      return null;
    }
    Map<String, AttributeValue> values = new HashMap<>();
    for (int c : ix.columns()) {
      Value v = null;
      for (ExprNode term : terms) {
        v = v != null ? v : QueryConditions.equality(term, c, op.args());
      }
      if (v == null) {
        return null;
      }
      AttributeValue a = AttributeCodec.encode(v);
      if (a == null) {
        return Map.of();
      }
      values.put(t.attribute(c), a);
    }
    return values;
  }

  private static Flux<Value.Record> owner(DynamoContext cx, TableInfo t, TableInfo.Index ix,
      Map<String, AttributeValue> values) {
    if (values.isEmpty()) {
      return Flux.empty();
    }
    String key = Uniqueness.key(t, ix, values);
    GetItemRequest request = GetItemRequest.builder()
        .tableName(t.uniqueTableName())
        .key(Map.of(TableInfo.UNIQUE_KEY, AttributeValue.fromS(key)))
        .consistentRead(true)
        .build();
    return cx.call(() -> cx.client().getItem(request))
        .filter(r -> r.hasItem() && r.item().containsKey(TableInfo.UNIQUE_OWNER))
        .map(r -> Items.row(t, t.primaryKey(), r.item().get(TableInfo.UNIQUE_OWNER).m()))
        .flux()
        .onErrorMap(DynamoContext::translate);
  }
}
