package io.toasty.planner.plan;

import io.toasty.stmt.Insert;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Statement;
import io.toasty.value.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs one table-level statement: {@code Operation.QuerySql} for a query, update or delete,
 * {@code Operation.Insert} for an insert.
 *
 * @param statement the statement, built once per plan (drivers cache its SQL text)
 * @param rowType   the type of each returned column; empty for a count
 * @param keys      where the statement's rows are restricted to keys from another node, or null
 * @param after     nodes that must run first
 */
public record ExecStatement(Statement statement, List<Type> rowType, KeyBinding keys,
    List<Integer> after) implements MirNode {
  public ExecStatement {
    Objects.requireNonNull(statement, "statement");
    rowType = List.copyOf(rowType);
    after = List.copyOf(after);
  }

  @Override
  public List<Integer> inputs() {
    return keys == null ? List.of() : List.of(keys.input());
  }

  @Override
  public boolean isMutation() {
    return !(statement instanceof Query);
  }

  @Override
  public boolean isCount() {
    return statement.returning() instanceof Returning.Count;
  }

  /** Whether this is an insert ({@code Operation.Insert}). */
  public boolean isInsert() {
    return statement instanceof Insert;
  }

  /** The column indexes a statement returning a projection of columns fetches. */
  public static List<Integer> fetched(Statement s) {
    List<Integer> out = new ArrayList<>();
    if (s.returning() instanceof Returning.Project p) {
      p.exprs().forEach(e -> out.add(((io.toasty.stmt.Expr.Column) e).index()));
    }
    return out;
  }
}
