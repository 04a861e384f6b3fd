package io.toasty.planner.plan;

import io.toasty.driver.Capability;
import io.toasty.planner.hir.Hir;
import io.toasty.planner.hir.HirOutput;
import io.toasty.planner.lower.RowLift;
import io.toasty.planner.plan.node.Const;
import io.toasty.planner.plan.node.Mir;
import io.toasty.planner.plan.node.Output;
import io.toasty.schema.Schema;
import java.util.List;

/**
 * Planning: HIR becomes MIR, a DAG of operations chosen by the backend's {@link Capability}
 * alone: SQL statements where {@code sql()} holds ({@link PlanSql}), key lookups, index lookups,
 * partition queries and scans otherwise ({@link PlanKeyValue}).
 */
public final class Plan {
  private Plan() {}

  /** The MIR of {@code hir} for a backend that can do {@code capability}. */
  public static Mir plan(Hir hir, Schema schema, Capability capability) {
    if (hir.isEmpty()) {
      return empty(hir);
    }
    return capability.sql() ? PlanSql.plan(hir, schema, capability)
        : PlanKeyValue.plan(hir, schema, capability);
  }

  /** A plan that issues no operation: no rows, or a count of zero. */
  private static Mir empty(Hir hir) {
    MirBuilder b = new MirBuilder();
    if (hir.output() instanceof HirOutput.Rows rows) {
      int root = b.add(Const.empty());
      return b.build(root, new Output.Rows(RowLift.of(List.of(), List.of())));
    }
    int root = b.add(Const.zero());
    return b.build(root, new Output.Count());
  }

  /** The output of a plan whose root returns {@code fetched} columns. */
  static Output output(HirOutput out, List<Integer> fetched) {
    if (out instanceof HirOutput.Rows rows) {
      return new Output.Rows(RowLift.of(rows.fields(), fetched));
    }
    return new Output.Count();
  }
}
