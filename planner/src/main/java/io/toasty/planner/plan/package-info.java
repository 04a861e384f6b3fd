/**
 * The plan phase: builds the MIR ({@code io.toasty.planner.plan.node}) from the lowered graph,
 * choosing operations by capability: SQL statements, or key lookups, index lookups, partition
 * queries, scans and fan-outs.
 */
@NullMarked
package io.toasty.planner.plan;

import org.jspecify.annotations.NullMarked;
