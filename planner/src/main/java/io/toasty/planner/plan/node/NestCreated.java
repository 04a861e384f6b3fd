package io.toasty.planner.plan.node;

import io.toasty.planner.lower.RowLift;
import io.toasty.planner.plan.node.MirNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The records a nested create returns, relations loaded: the rows of every insert of the create
 * (as the database returned them, or as written where it returns none), each nested into the row
 * it was created for. In memory, after the inserts; no operation of its own. Its rows are the
 * result insert's rows, each followed by one value per relation of its model: the list of records
 * created for it, or NULL (not loaded) where the create made none.
 *
 * @param root  the part whose rows are the result
 * @param parts one per insert
 */
public record NestCreated(int root, List<Part> parts) implements MirNode {
  public NestCreated {
    parts = List.copyOf(parts);
    Objects.checkIndex(root, parts.size());
  }

  /**
   * One insert's rows.
   *
   * @param input   the node that returns them
   * @param slots   how many relations its model has (the values appended to each row)
   * @param lift    a row followed by its slots, to the record its parent receives; null for the
   *                root
   * @param parent  the part whose row receives these rows, or -1 for the root
   * @param row     that row's index
   * @param slot    the relation slot of it they fill
   * @param flatten the slot of these rows whose records the parent receives instead of these
   *                rows (a many-to-many relation's join records), or -1
   */
  public record Part(int input, int slots, @Nullable RowLift lift, int parent, int row, int slot,
      int flatten) {}

  @Override
  public List<Integer> inputs() {
    List<Integer> in = new ArrayList<>(parts.size());
    parts.forEach(p -> in.add(p.input()));
    return in;
  }

  @Override
  public boolean isOperation() {
    return false;
  }
}
