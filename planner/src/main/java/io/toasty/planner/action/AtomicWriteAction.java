package io.toasty.planner.action;

import java.util.ArrayList;
import java.util.List;

/**
 * Sends the operations of {@code writes} (never run on their own) as one
 * {@code Operation.Atomic}; emits one count record per write, in order.
 */
public record AtomicWriteAction(int output, List<Action> writes) implements Action {
  public AtomicWriteAction {
    writes = List.copyOf(writes);
  }

  @Override
  public List<Integer> inputs() {
    // one entry per write reading a variable: each write takes it once
    List<Integer> in = new ArrayList<>();
    writes.forEach(w -> in.addAll(w.inputs()));
    return in;
  }

  @Override
  public <R> R accept(ActionVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
