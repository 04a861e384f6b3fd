package io.toasty.planner.explain;

import io.toasty.driver.Operation;
import io.toasty.planner.action.Action;
import io.toasty.planner.action.AtomicWriteAction;
import io.toasty.planner.action.CountReadAction;
import io.toasty.planner.action.DeleteByKeyAction;
import io.toasty.planner.action.ExecStatementAction;
import io.toasty.planner.action.FindPkByIndexAction;
import io.toasty.planner.action.GetByKeyAction;
import io.toasty.planner.action.QueryPkAction;
import io.toasty.planner.action.ScanAction;
import io.toasty.planner.action.UpdateByKeyAction;
import io.toasty.stmt.InsertNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The driver operation an action sends, as a template for a driver's {@code OperationText}:
 * its values stay the plan's argument slots, and the keys it finds while it runs are left out.
 */
final class ActionOperations {
  private ActionOperations() {}

  /** The operation {@code action} sends, or empty for one the engine runs itself. */
  static Optional<Operation> of(Action action) {
    return Optional.ofNullable(operation(action));
  }

  private static @Nullable Operation operation(Action action) {
    if (action instanceof ExecStatementAction a) {
      return a.statement() instanceof InsertNode insert
          ? new Operation.Insert(insert, List.of(), a.rowType())
          : new Operation.QuerySql(a.statement(), List.of(), a.rowType());
    }
    if (action instanceof GetByKeyAction a) {
      return new Operation.GetByKey(a.table(), a.columns(), List.of());
    }
    if (action instanceof QueryPkAction a) {
      return new Operation.QueryPk(a.table(), a.columns(), a.keyCondition(), a.filter(),
          List.of(), a.forward(), 0);
    }
    if (action instanceof FindPkByIndexAction a) {
      return new Operation.FindPkByIndex(a.table(), a.index(), a.keyCondition(), a.filter(),
          List.of(), a.columns(), a.forward(), 0);
    }
    if (action instanceof ScanAction a) {
      return new Operation.Scan(a.table(), a.columns(), a.filter(), List.of());
    }
    if (action instanceof UpdateByKeyAction a) {
      return new Operation.UpdateByKey(a.table(), List.of(), a.assignments(), a.filter(),
          List.of(), a.returning(), a.columns());
    }
    if (action instanceof DeleteByKeyAction a) {
      return new Operation.DeleteByKey(a.table(), List.of(), a.filter(), List.of());
    }
    if (action instanceof CountReadAction a) {
      Operation read = operation(a.read());
      return read == null ? null : new Operation.Count(read);
    }
    if (action instanceof AtomicWriteAction a) {
      List<Operation> writes = new ArrayList<>();
      for (Action w : a.writes()) {
        Operation op = operation(w);
        if (op != null) {
          writes.add(op);
        }
      }
      return new Operation.Atomic(writes);
    }
    return null;
  }
}
