package io.toasty.planner.plan.node;

/**
 * An argument a statement reads at execution from another node's output: position
 * {@code position} of row {@code row} of node {@code input}. It fills the slot after the plan's
 * own arguments and this statement's earlier bindings.
 */
public record RowBinding(int input, int row, int position) {}
