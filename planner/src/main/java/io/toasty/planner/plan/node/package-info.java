/**
 * The plan's nodes: a {@link io.toasty.planner.plan.node.Mir} is a list of
 * {@link io.toasty.planner.plan.node.MirNode} records (reads, writes and in-memory steps, each
 * naming the nodes it reads by index) with its {@link io.toasty.planner.plan.node.Output}. The
 * passes that build them live in {@code io.toasty.planner.plan}; the action compiler reads them.
 */
@NullMarked
package io.toasty.planner.plan.node;

import org.jspecify.annotations.NullMarked;
