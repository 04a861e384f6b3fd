package io.toasty.planner.plan.node;

import io.toasty.planner.plan.node.MirNode;
import java.util.List;
import java.util.Objects;

/**
 * The middle-level intermediate representation: a DAG of operations chosen for the backend's
 * {@code Capability}. Nodes are in a topological order (inputs and {@code after} first).
 *
 * @param nodes  the nodes
 * @param root   the node whose output is the result
 * @param output how the root's output becomes the result
 */
public record Mir(List<MirNode> nodes, int root, Output output) {
  public Mir {
    nodes = List.copyOf(nodes);
    Objects.requireNonNull(output, "output");
  }
}
