package io.toasty.driver;

import io.toasty.stmt.StatementNode;
import java.util.Optional;

/**
 * How a driver writes, in its backend's own language, an operation the planner hands it: the SQL
 * of a SQL database, the Cypher of a graph database, the API calls of a key-value store. The
 * planner's explain shows it beside its own steps ({@code Db.explain}), so that a reader sees
 * what will run; the planner asks this hook and never which database it plans for.
 */
public interface OperationText {

  /** The language's name as an explain heads its section: {@code SQL}, {@code Cypher}, ... */
  String language();

  /**
   * What the driver sends for {@code operation}: a template whose values are the planner's
   * argument slots ({@code $0}, {@code $1}, ...) and whose keys are found while it runs, so
   * {@code args} and {@code keys} are empty. Never throws: an operation the driver would refuse
   * is described as refused.
   */
  String render(Operation operation);

  /**
   * The table-level statement {@code operation} carries (a query, update, delete or insert),
   * which a driver that renders statements writes out; empty for a key-value operation.
   */
  static Optional<StatementNode> statementOf(Operation operation) {
    if (operation instanceof Operation.QuerySql q) {
      return Optional.of(q.statement());
    }
    return operation instanceof Operation.Insert i ? Optional.of(i.statement()) : Optional.empty();
  }
}
