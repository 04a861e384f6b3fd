package io.toasty.planner.lower;

import io.toasty.planner.eval.Eval;
import io.toasty.planner.expr.Children;
import io.toasty.stmt.ExprNode;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Turns a row as the driver returns it (the fetched columns, in fetch order) into the statement's
 * result record (the model's fields in field order, or the projected expressions), with the
 * positions worked out once at plan time. When every output is a plain column, lifting is an
 * index copy; otherwise the output expressions are evaluated over the row.
 */
public final class RowLift {
  private final List<ExprNode> outputs;
  private final int @Nullable [] positions;
  /** The outputs are the fetched columns in fetch order: the row is the result as it is. */
  private final boolean identity;

  private RowLift(List<ExprNode> outputs, int @Nullable [] positions, int fetched) {
    this.outputs = List.copyOf(outputs);
    this.positions = positions;
    this.identity = positions != null && positions.length == fetched && isIdentity(positions);
  }

  private static boolean isIdentity(int[] positions) {
    for (int i = 0; i < positions.length; i++) {
      if (positions[i] != i) {
        return false;
      }
    }
    return true;
  }

  /**
   * The lift of {@code outputs} (expressions over table columns, by column index) from rows that
   * hold the columns {@code fetched}, in that order.
   */
  public static RowLift of(List<ExprNode> outputs, List<Integer> fetched) {
    List<ExprNode> rebased = new ArrayList<>(outputs.size());
    int[] positions = new int[outputs.size()];
    boolean plain = true;
    for (int i = 0; i < outputs.size(); i++) {
      ExprNode out = rebase(outputs.get(i), fetched);
      rebased.add(out);
      if (out instanceof ExprNode.Column c) {
        positions[i] = c.index();
      } else {
        plain = false;
      }
    }
    return new RowLift(rebased, plain ? positions : null, fetched.size());
  }

  private static ExprNode rebase(ExprNode e, List<Integer> fetched) {
    if (e instanceof ExprNode.Column c) {
      int at = fetched.indexOf(c.index());
      if (at < 0) {
        throw new IllegalStateException("column " + c + " is not fetched: " + fetched);
      }
      return new ExprNode.Column(c.table(), at);
    }
    return Children.map(e, x -> rebase(x, fetched));
  }

  /** The result record for {@code row}. */
  @SuppressWarnings("NullAway") // identity is true only with positions
  public Value.Record apply(Value.Record row, List<Value> args) {
    if (identity && row.size() == positions.length) {
      return row;
    }
    Value[] out = new Value[outputs.size()];
    if (positions != null) {
      for (int i = 0; i < positions.length; i++) {
        out[i] = row.get(positions[i]);
      }
    } else {
      for (int i = 0; i < out.length; i++) {
        out[i] = Eval.eval(outputs.get(i), args, row);
      }
    }
    return Value.Record.adopt(out);
  }

  /**
   * The row position of each output, where lifting is a plain copy of positions (a copy of the
   * array); else null.
   */
  public int @Nullable [] positions() {
    return positions == null ? null : positions.clone();
  }

  /** Whether lifting is a plain copy of row positions. */
  public boolean isPlain() {
    return positions != null;
  }

  /** The output expressions, over row positions. */
  public List<ExprNode> outputs() {
    return outputs;
  }
}
