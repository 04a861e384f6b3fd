package io.toasty.planner.hir;

/**
 * An argument slot filled at execution from another statement's output: column {@code column}
 * (a position in the returned row) of row {@code row} of statement {@code statement}.
 */
public record HirBinding(int statement, int row, int column) {}
