package io.toasty.planner.plan;

import io.toasty.planner.plan.node.Mir;
import io.toasty.planner.plan.node.MirNode;
import io.toasty.planner.plan.node.Output;
import java.util.ArrayList;
import java.util.List;

/** Collects MIR nodes in the order they are added, which is a topological order. */
final class MirBuilder {
  private final List<MirNode> nodes = new ArrayList<>();

  /** Adds {@code node}; returns its id. */
  int add(MirNode node) {
    for (int input : node.inputs()) {
      if (input < 0 || input >= nodes.size()) {
        throw new IllegalStateException("input " + input + " of " + node + " is not planned yet");
      }
    }
    nodes.add(node);
    return nodes.size() - 1;
  }

  Mir build(int root, Output output) {
    return new Mir(nodes, root, output);
  }
}
