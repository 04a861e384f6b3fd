package io.toasty.planner.expr;

import io.toasty.schema.Schema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.stmt.ExprNode;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/** The model a relation filter's records belong to, and the filter confined to some of them. */
public final class RelatedTarget {
  private RelatedTarget() {}

  /** The target model of {@code r}'s relation, or null when {@code schema} does not know it. */
  public static @Nullable ModelSchema of(Schema schema, ExprNode.Related r) {
    ModelSchema owner = schema.hasModel(r.relation().model())
        ? schema.model(r.relation().model()) : null;
    return owner == null || !owner.isRelation(r.relation().index()) ? null
        : schema.model(owner.relationAt(r.relation().index()).target());
  }

  /**
   * {@code r} over {@code inner} and, where {@code condition} is not null, over the related
   * records it holds for only: for ANY and NONE (and a count, which keeps its bound) the filter
   * asks for it too; for EVERY, the records it fails for are let through, as if absent.
   */
  public static ExprNode confined(ExprNode.Related r, ExprNode inner,
      @Nullable ExprNode condition) {
    if (condition == null) {
      return inner == r.filter() ? r : r.withFilter(inner);
    }
    return r.withFilter(r.quantifier() == ExprNode.Quantifier.EVERY
        ? new ExprNode.Or(List.of(new ExprNode.Not(condition), inner))
        : Conjuncts.with(inner, condition));
  }

  /**
   * {@code a} over the related records {@code related} confines a relation filter of the same
   * relation to (live ones, the tenant's): an aggregate counts what an {@code any()} would see.
   */
  public static ExprNode.RelatedAggregate confined(ExprNode.RelatedAggregate a,
      UnaryOperator<ExprNode> related) {
    ExprNode r = related.apply(new ExprNode.Related(a.relation(), ExprNode.Quantifier.ANY,
        a.filter()));
    ExprNode filter = r instanceof ExprNode.Related rr ? rr.filter() : a.filter();
    return filter == a.filter() ? a
        : new ExprNode.RelatedAggregate(a.relation(), filter, a.aggregate());
  }
}
