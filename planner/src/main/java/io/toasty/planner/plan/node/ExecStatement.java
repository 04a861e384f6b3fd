package io.toasty.planner.plan.node;

import io.toasty.planner.hir.JoinedColumn;
import io.toasty.planner.plan.node.MirNode;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.stmt.StatementNode;
import io.toasty.value.Type;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Runs one table-level statement: {@code Operation.QuerySql} for a query, update or delete,
 * {@code Operation.Insert} for an insert.
 *
 * @param statement the statement, built once per plan (drivers cache its SQL text)
 * @param rowType   the type of each returned column; empty for a count
 * @param keys      where the statement's rows are restricted to keys from another node, or null
 * @param after     nodes that must run first
 * @param bindings  arguments read from other nodes' rows (a nested create's foreign keys)
 */
public record ExecStatement(StatementNode statement, List<Type> rowType, @Nullable KeyBinding keys,
    List<Integer> after, List<RowBinding> bindings) implements MirNode {
  public ExecStatement {
    Objects.requireNonNull(statement, "statement");
    rowType = List.copyOf(rowType);
    after = List.copyOf(after);
    bindings = List.copyOf(bindings);
  }

  /** A statement that reads no other node's rows into its arguments. */
  public ExecStatement(StatementNode statement, List<Type> rowType, @Nullable KeyBinding keys,
      List<Integer> after) {
    this(statement, rowType, keys, after, List.of());
  }

  @Override
  public List<Integer> inputs() {
    Set<Integer> in = new LinkedHashSet<>();
    if (keys != null) {
      in.add(keys.input());
    }
    bindings.forEach(b -> in.add(b.input()));
    return List.copyOf(in);
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
    return statement instanceof InsertNode;
  }

  /** The column indexes a statement returning a projection of columns fetches. */
  public static List<Integer> fetched(StatementNode s) {
    List<Integer> out = new ArrayList<>();
    if (s.returning() instanceof Returning.Project p
        && !p.exprs().stream().allMatch(e -> e instanceof ExprNode.Column)) {
      // Computed expressions (a relation's aggregate per record): read by position.
      for (int i = 0; i < p.exprs().size(); i++) {
        out.add(i);
      }
    } else if (s.returning() instanceof Returning.Project p) {
      // A joined table's columns are numbered apart from the statement's own (JoinedColumn).
      Source.Join join = s instanceof Query q
          && q.source() instanceof Source.Table t ? t.join() : null;
      for (ExprNode e : p.exprs()) {
        ExprNode.Column c = (ExprNode.Column) e;
        out.add(join != null && c.table().equals(join.table())
            ? JoinedColumn.of(c.index()) : c.index());
      }
    } else if (s.returning() instanceof Returning.Grouped g) {
      // A grouped row is its expressions' values, by position.
      for (int i = 0; i < g.exprs().size(); i++) {
        out.add(i);
      }
    }
    return out;
  }
}
