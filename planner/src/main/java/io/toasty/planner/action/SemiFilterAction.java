package io.toasty.planner.action;

import io.toasty.stmt.ExprNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the rows of variable {@code input} for which {@code predicate} is TRUE, subquery
 * {@code i} standing for the values of variable {@code values.get(i)}.
 */
public record SemiFilterAction(int output, int input, ExprNode predicate,
    List<ExprNode.InSubquery> subqueries, List<Integer> values) implements Action {
  public SemiFilterAction {
    subqueries = List.copyOf(subqueries);
    values = List.copyOf(values);
  }

  @Override
  public List<Integer> inputs() {
    List<Integer> in = new ArrayList<>(values);
    in.add(0, input);
    return in;
  }

  @Override
  public boolean isOperation() {
    return false;
  }

  @Override
  public <R> R accept(ActionVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
