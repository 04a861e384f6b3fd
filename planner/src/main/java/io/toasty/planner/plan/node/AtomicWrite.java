package io.toasty.planner.plan.node;

import io.toasty.planner.plan.node.MirNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Several writes sent as one all-or-nothing request ({@code Operation.Atomic}), on a backend
 * without interactive transactions: a nested create's inserts on DynamoDB become one
 * TransactWriteItems. The writes ({@link ExecStatement} inserts, {@link UpdateByKey},
 * {@link DeleteByKey}) are held here, not run on their own; their inputs are this node's. Emits
 * one count record per write, in order.
 */
public record AtomicWrite(List<MirNode> writes) implements MirNode {
  public AtomicWrite {
    writes = List.copyOf(writes);
    for (MirNode w : writes) {
      Objects.requireNonNull(w, "write");
      if (!w.isMutation()) {
        throw new IllegalArgumentException("an atomic write holds writes only, not " + w);
      }
    }
  }

  @Override
  public List<Integer> inputs() {
    // one entry per write reading a variable: each write takes it once
    List<Integer> in = new ArrayList<>();
    writes.forEach(w -> in.addAll(w.inputs()));
    return in;
  }

  @Override
  public boolean isMutation() {
    return true;
  }
}
