package io.toasty.planner.plan;

import io.toasty.driver.Capability;
import io.toasty.planner.Fixtures;
import io.toasty.planner.cache.Parameterize;
import io.toasty.planner.lower.Lower;
import io.toasty.planner.plan.node.Mir;
import io.toasty.planner.simplify.Simplify;
import io.toasty.stmt.StatementNode;
import java.util.ArrayList;
import java.util.List;

/** Runs the phases up to the MIR for plan-shape assertions. */
final class Plans {
  private Plans() {}

  static Mir mir(StatementNode s, Capability cap) {
    var shape = Parameterize.of(s);
    StatementNode simplified = Simplify.statement(shape.statement(), Fixtures.SCHEMA);
    return Plan.plan(Lower.lower(simplified, Fixtures.SCHEMA, cap, shape.args().size()),
        Fixtures.SCHEMA, cap);
  }

  /** The node kinds, in order: "Const, GetByKey, Filter". */
  static String kinds(Mir mir) {
    List<String> out = new ArrayList<>();
    mir.nodes().forEach(n -> out.add(n.getClass().getSimpleName()));
    return String.join(", ", out);
  }
}
