package io.toasty.dynamo;

import io.toasty.driver.Operation;
import io.toasty.driver.OperationText;
import io.toasty.dynamo.expr.AndTerms;
import io.toasty.dynamo.table.TableInfo;
import io.toasty.dynamo.table.Tables;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Source;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The DynamoDB calls the driver makes for the planner's operations, for its explain: the API
 * call, the physical table (and index), and the attributes its key condition, filter,
 * projection or update name. The conditions themselves are the planner's (its plan section).
 */
final class DynamoOperationText implements OperationText {
  private final Tables tables;

  DynamoOperationText(Tables tables) {
    this.tables = tables;
  }

  @Override
  public String language() {
    return "DynamoDB";
  }

  @Override
  public String render(Operation operation) {
    try {
      return call(operation);
    } catch (RuntimeException refused) {
      return "(refused: " + refused.getMessage() + ")";
    }
  }

  private String call(Operation op) {
    if (op instanceof Operation.GetByKey g) {
      TableInfo t = tables.get(g.table());
      return "BatchGetItem " + name(t) + " (GetItem for one key)" + projection(t, g.columns());
    }
    if (op instanceof Operation.QueryPk q) {
      TableInfo t = tables.get(q.table());
      return "Query " + name(t) + " KeyConditionExpression on " + attributes(t, q.keyCondition())
          + filter(t, q.filter()) + projection(t, q.columns());
    }
    if (op instanceof Operation.FindPkByIndex f) {
      TableInfo t = tables.get(f.table());
      return "Query " + name(t) + " IndexName " + f.index() + " KeyConditionExpression on "
          + attributes(t, f.keyCondition()) + filter(t, f.filter());
    }
    if (op instanceof Operation.Scan s) {
      TableInfo t = tables.get(s.table());
      return "Scan " + name(t) + filter(t, s.filter()) + projection(t, s.columns());
    }
    if (op instanceof Operation.UpdateByKey u) {
      TableInfo t = tables.get(u.table());
      List<String> set = new ArrayList<>();
      for (Assignment a : u.assignments()) {
        set.add(t.attribute(a.target()));
      }
      return "UpdateItem " + name(t) + " UpdateExpression on " + set + condition(t, u.filter());
    }
    if (op instanceof Operation.DeleteByKey d) {
      TableInfo t = tables.get(d.table());
      return "DeleteItem " + name(t) + condition(t, d.filter());
    }
    if (op instanceof Operation.Insert i && i.statement().target() instanceof Source.Table st) {
      TableInfo t = tables.get(st.table());
      return "PutItem " + name(t) + " (TransactWriteItems with " + t.uniqueTableName()
          + " when it claims unique values or writes several items)";
    }
    if (op instanceof Operation.Count c) {
      return call(c.read()) + " Select=COUNT";
    }
    if (op instanceof Operation.Atomic a) {
      List<String> each = new ArrayList<>();
      a.operations().forEach(w -> each.add("  " + call(w)));
      return "TransactWriteItems [\n" + String.join("\n", each) + "\n]";
    }
    return "(no DynamoDB call: " + op.getClass().getSimpleName() + ")";
  }

  private static String name(TableInfo t) {
    return '"' + t.physicalName() + '"';
  }

  private static String filter(TableInfo t, @Nullable ExprNode filter) {
    return filter == null || isTrue(filter) ? "" : " FilterExpression on " + attributes(t, filter);
  }

  private static String condition(TableInfo t, @Nullable ExprNode filter) {
    return filter == null || isTrue(filter) ? ""
        : " ConditionExpression on " + attributes(t, filter);
  }

  private static String projection(TableInfo t, List<Integer> columns) {
    return columns.isEmpty() ? "" : " ProjectionExpression " + names(t, columns);
  }

  private static String attributes(TableInfo t, ExprNode e) {
    return names(t, AndTerms.columns(e));
  }

  private static String names(TableInfo t, Collection<Integer> columns) {
    List<String> out = new ArrayList<>();
    for (int c : columns) {
      out.add(t.attribute(c));
    }
    return String.join(", ", out);
  }

  private static boolean isTrue(ExprNode e) {
    return e.equals(ExprNode.TRUE);
  }
}
