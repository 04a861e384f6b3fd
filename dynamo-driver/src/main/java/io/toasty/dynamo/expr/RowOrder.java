package io.toasty.dynamo.expr;

import io.toasty.dynamo.codec.AttributeCodec;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.OrderBy;
import io.toasty.value.Value;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Orders rows the driver has read by a query's {@code ORDER BY} over columns, in DynamoDB's
 * ordering of the stored attributes; NULL below every value (first ascending, last descending),
 * as every backend orders it.
 */
public final class RowOrder {
  private RowOrder() {}

  /** A comparator of rows holding {@code columns} (in that order) by {@code orderBy}. */
  public static Comparator<Value.Record> of(List<OrderBy> orderBy, List<Integer> columns) {
    return (x, y) -> {
      for (OrderBy o : orderBy) {
        int at = columns.indexOf(((ExprNode.Column) o.expr()).index());
        int c = compare(x.get(at), y.get(at));
        if (c != 0) {
          return o.direction() == OrderBy.Direction.DESC ? -c : c;
        }
      }
      return 0;
    };
  }

  private static int compare(Value a, Value b) {
    if (a.isNull() || b.isNull()) {
      return a.isNull() == b.isNull() ? 0 : a.isNull() ? -1 : 1;
    }
    AttributeValue x = AttributeCodec.encodePresent(a);
    AttributeValue y = AttributeCodec.encodePresent(b);
    Integer c = AttributeOrder.compare(x, y);
    return c == null ? 0 : c;
  }
}
