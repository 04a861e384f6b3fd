package io.toasty.planner.plan.node;

import io.toasty.planner.plan.node.MirNode;
import io.toasty.stmt.ExprNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the rows of {@code input} for which {@code predicate} is TRUE, where the predicate holds
 * subqueries ({@code x IN (SELECT ..)}, also under NOT and OR: relation filters) that a key-value
 * read cannot hold. Subquery {@code i}'s values come from node {@code values.get(i)} (records of
 * its projected columns), read to the end first; the input streams. In memory: the values of
 * every subquery are held, the rows are not.
 */
public record SemiFilter(int input, ExprNode predicate, List<ExprNode.InSubquery> subqueries,
    List<Integer> values) implements MirNode {
  public SemiFilter {
    subqueries = List.copyOf(subqueries);
    values = List.copyOf(values);
    if (subqueries.size() != values.size()) {
      throw new IllegalArgumentException(subqueries.size() + " subqueries, " + values.size()
          + " value nodes");
    }
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
}
