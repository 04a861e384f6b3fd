package io.toasty.planner.action;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
    Set<Integer> in = new LinkedHashSet<>();
    writes.forEach(w -> in.addAll(w.inputs()));
    return new ArrayList<>(in);
  }
}
