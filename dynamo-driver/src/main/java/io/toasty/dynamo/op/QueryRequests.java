package io.toasty.dynamo.op;

import io.toasty.dynamo.expr.Placeholders;
import io.toasty.dynamo.expr.QueryConditions;
import io.toasty.dynamo.table.TableInfo;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The strongly consistent Query of an {@code Operation.QueryPk} on the table: its key condition,
 * its filter, and the names and values they (and the projection, if any) use. {@link QueryPkOp}
 * adds the projection, direction and limit; {@link CountOp} asks for {@code Select=COUNT}.
 */
final class QueryRequests {
  private QueryRequests() {}

  /** The request of {@code parts} on {@code t}, projecting {@code projection} (null: none). */
  static QueryRequest.Builder of(TableInfo t, QueryConditions.Parts parts,
      @Nullable String projection) {
    Placeholders ph = parts.placeholders();
    String kc = parts.keyCondition();
    String f = parts.filter();
    return QueryRequest.builder()
        .tableName(t.physicalName())
        .keyConditionExpression(kc)
        .filterExpression(f)
        .projectionExpression(projection)
        .expressionAttributeNames(ph.names(kc, f, projection))
        .expressionAttributeValues(ph.values(kc, f, projection))
        .consistentRead(true);
  }
}
