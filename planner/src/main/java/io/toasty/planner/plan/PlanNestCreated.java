package io.toasty.planner.plan;

import io.toasty.planner.hir.Hir;
import io.toasty.planner.hir.HirNest;
import io.toasty.planner.hir.HirStatement;
import io.toasty.planner.lower.RowLift;
import io.toasty.planner.plan.node.NestCreated;
import io.toasty.schema.Schema;
import io.toasty.stmt.ExprNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans how a nested create's records come back: a {@link NestCreated} over the nodes of its
 * inserts, so the result holds every related record it created, from the rows the inserts
 * return anyway (no read is added).
 */
final class PlanNestCreated {
  private PlanNestCreated() {}

  /** Whether {@code hir} nests any statement's rows into another's. */
  static boolean nests(Hir hir) {
    return hir.statements().stream().anyMatch(s -> s.nest() != null);
  }

  /**
   * The node whose rows the output lifts: {@code nodes[i]} returns statement {@code i}'s rows,
   * holding the columns {@code fetched.get(i)}. Appends the result's relation slots to
   * {@code rootFetched}.
   */
  static int wrap(MirBuilder b, Hir hir, Schema schema, int[] nodes,
      List<List<Integer>> fetched, List<Integer> rootFetched) {
    List<NestCreated.Part> parts = new ArrayList<>(hir.statements().size());
    for (HirStatement s : hir.statements()) {
      int columns = schema.table(PlanSql.table(s.statement())).columns().size();
      List<Integer> own = new ArrayList<>(fetched.get(s.id()));
      int slots = slots(hir, s, schema);
      for (int k = 0; k < slots; k++) {
        own.add(columns + k);
      }
      HirNest n = s.nest();
      if (n == null) {
        rootFetched.addAll(own.subList(fetched.get(s.id()).size(), own.size()));
        parts.add(new NestCreated.Part(nodes[s.id()], slots, null, -1, -1, -1, -1));
      } else {
        parts.add(new NestCreated.Part(nodes[s.id()], slots, RowLift.of(n.outputs(), own),
            n.parent(), n.row(), n.slot(), n.flatten()));
      }
    }
    return b.add(new NestCreated(hir.result(), parts));
  }

  /** How many relations the model of {@code s} has: the slots its records end with. */
  private static int slots(Hir hir, HirStatement s, Schema schema) {
    if (s.nest() == null) {
      return schema.model(hir.model()).relations().size();
    }
    int columns = schema.table(PlanSql.table(s.statement())).columns().size();
    int n = 0;
    for (ExprNode e : s.nest().outputs()) {
      if (e instanceof ExprNode.Column c && c.index() >= columns) {
        n++;
      }
    }
    return n;
  }
}
