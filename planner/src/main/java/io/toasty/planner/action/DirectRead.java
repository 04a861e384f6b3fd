package io.toasty.planner.action;

import io.toasty.driver.Operation;
import io.toasty.planner.plan.node.Output;
import io.toasty.stmt.Query;
import io.toasty.stmt.StatementNode;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A plan that is one SQL query whose rows are the result's records field for field (a plain read
 * of a model's fields, or a projection of plain columns): the executor may then have the driver
 * build records straight from the rows ({@code Connection.read}) instead of decoding values and
 * lifting them. Found once at plan time.
 *
 * @param statement the query, as the plan's action sends it
 * @param rowType   the type of each fetched column
 * @param fields    per result field, the position of its column in the row
 */
public record DirectRead(StatementNode statement, List<Type> rowType, int[] fields) {

  /** The direct read {@code plan} is, or null when it needs the engine between rows and result. */
  public static @Nullable DirectRead of(ActionPlan plan) {
    if (plan.transaction() || plan.actions().size() != 1
        || !(plan.output() instanceof Output.Rows rows)
        || !(plan.actions().get(0) instanceof ExecStatementAction a)
        || a.output() != plan.result() || a.keys() != null || !a.bindings().isEmpty()
        || !(a.statement() instanceof Query)) {
      return null;
    }
    int[] fields = rows.lift().positions();
    return fields == null ? null : new DirectRead(a.statement(), a.rowType(), fields);
  }

  /** The operation for one execution with {@code args}. */
  public Operation.QuerySql operation(List<Value> args) {
    return new Operation.QuerySql(statement, args, rowType);
  }
}
