package io.toasty.planner.action;

/**
 * A variable slot.
 *
 * @param id      its number
 * @param readers how many actions read it; the executor drops it after the last one
 * @param streams whether it is never stored: its rows stream straight into its single reader (or
 *                out of the plan, for the result)
 * @param count   whether it holds a single count record rather than rows
 */
public record Var(int id, int readers, boolean streams, boolean count) {}
