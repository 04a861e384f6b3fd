package io.toasty.planner.plan;

import io.toasty.Feature;
import io.toasty.driver.Capability;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.planner.expr.Conjuncts;
import io.toasty.planner.expr.Walk;
import io.toasty.stmt.ExprNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A filter cut in two for a backend without {@link Capability#fullFilters()}: the conjuncts its
 * own filter can hold ({@code pushed}, sent with the read) and the rest ({@code kept}, evaluated
 * by the engine after the read, a {@link Filter} in the plan). What such a backend cannot hold:
 * arithmetic, functions (LOWER, UPPER, LENGTH: DynamoDB's {@code size()} counts bytes, not
 * characters), a path inside a JSON document (DynamoDB compares a number there as a number, not
 * as the text {@code ExprNode.JsonText} gives), a comparison of an attribute with itself
 * (DynamoDB wants distinct operands), text patterns other than a case-sensitive prefix or
 * substring of a value, and {@code IN} lists of more than {@value #MAX_IN_ITEMS} values
 * (DynamoDB's limit, whose
 * expressions would otherwise reach the server and fail there).
 *
 * @param pushed what the backend evaluates
 * @param kept   what the engine evaluates after the read ({@code TRUE} when nothing)
 */
record ResidualSplit(ExprNode pushed, ExprNode kept) {
  /** The most values an {@code IN} list of a key-value condition holds. */
  static final int MAX_IN_ITEMS = 100;

  /** Splits {@code filter} for {@code capability}; all of it is pushed where the backend can. */
  static ResidualSplit of(ExprNode filter, Capability capability) {
    if (capability.fullFilters()) {
      return new ResidualSplit(filter, ExprNode.TRUE);
    }
    List<ExprNode> pushed = new ArrayList<>();
    List<ExprNode> kept = new ArrayList<>();
    for (ExprNode term : Conjuncts.of(filter)) {
      (backendCannotHold(term) ? kept : pushed).add(term);
    }
    return new ResidualSplit(Conjuncts.and(pushed), Conjuncts.and(kept));
  }

  /**
   * Refuses {@code condition} when a write must check it in the backend (a conditional write
   * cannot leave part of its condition to the engine).
   */
  static void refuseInWrite(ExprNode condition, String table, Capability capability) {
    ResidualSplit s = of(condition, capability);
    if (!s.kept().equals(ExprNode.TRUE)) {
      Feature f = Walk.any(s.kept(), e -> e instanceof ExprNode.Pattern) ? Feature.PATTERN_MATCH
          : Feature.FILTER_EXPRESSION;
      throw new UnsupportedFeatureException(f, capability.backend(), "an update or delete of "
          + table + " checks " + s.kept() + " in the write's condition, which the backend cannot "
          + "evaluate; read the records, then write them by key");
    }
  }

  private static boolean backendCannotHold(ExprNode term) {
    return Walk.any(
        term,
        e ->
            e instanceof ExprNode.Arith
                || e instanceof ExprNode.Func
                || e instanceof ExprNode.JsonText
                || e instanceof ExprNode.Compare c && c.left().equals(c.right())
                || e instanceof ExprNode.IsNotDistinctFrom d && d.left().equals(d.right())
                || e instanceof ExprNode.InList in && in.items().size() > MAX_IN_ITEMS
                || e instanceof ExprNode.Pattern p
                    && (p.ignoreCase()
                        || p.kind() == ExprNode.PatternKind.ENDS_WITH
                        || p.kind() == ExprNode.PatternKind.LIKE
                        || !(p.pattern() instanceof ExprNode.Arg
                            || p.pattern() instanceof ExprNode.Const)));
  }
}
