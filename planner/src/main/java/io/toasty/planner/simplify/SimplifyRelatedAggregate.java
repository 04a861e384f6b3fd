package io.toasty.planner.simplify;

import io.toasty.error.InvalidStatementException;
import io.toasty.planner.expr.Conjuncts;
import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.app.RelationSchema;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An aggregate of a relation per record ({@code Persons.FOLLOWERS.count()} selected or ordered
 * by) becomes a correlated scalar subquery over the related records:
 * {@code (SELECT COUNT(*) FROM posts WHERE posts.author_id = users.id AND f)}; through a join
 * model a count counts the join model's rows (one per related pair, as a relation count in a
 * filter does, see {@link SimplifyRelated}), {@code (SELECT COUNT(*) FROM follows WHERE
 * follows.followee_id = persons.id)}, and any other aggregate reads the targets whose keys the
 * join rows hold. One statement, whatever the number of records.
 *
 * <p>The correlation reads the queried record's key as {@link ExprNode.Outer}, so a self relation
 * without a join model ({@code Employees.REPORTS.count()}) counts the other records of its own
 * model, not the subquery's row. A multi-step via is refused (a record reached along two paths
 * would count twice).
 */
public final class SimplifyRelatedAggregate implements SimplifyRule {
  @Override
  public @Nullable ExprNode apply(ExprNode e, SimplifyContext cx) {
    if (!(e instanceof ExprNode.RelatedAggregate a) || cx.schema() == null) {
      return null;
    }
    ModelSchema source = cx.schema().model(a.relation().model());
    return new ExprNode.Scalar(subquery(source, source.relationAt(a.relation().index()), a));
  }

  private static Query subquery(ModelSchema source, RelationSchema rel,
      ExprNode.RelatedAggregate a) {
    if (rel.isMultiStep()) {
      throw refused(source, rel, "through several steps (a record reached along two paths would "
          + "count twice); aggregate its first step");
    }
    RelationSchema.Through via = rel.through();
    if (via == null) {
      return aggregate(rel.target(), Conjuncts.with(correlation(source, rel.sourceFields(),
          rel.target(), rel.targetFields()), rel.narrow(a.filter())), a.aggregate());
    }
    ExprNode pairs = correlation(source, rel.sourceFields(), via.model(), via.sourceFields());
    ExprNode joinTargets = SimplifyRelated.fields(via.model(), via.targetFields());
    if (a.aggregate().op() == ExprNode.AggOp.COUNT_ALL) {
      ExprNode filter = a.filter().equals(ExprNode.TRUE) ? pairs : Conjuncts.with(pairs,
          new ExprNode.InSubquery(joinTargets,
              SimplifyRelated.keys(rel.target(), rel.targetFields(), a.filter())));
      return aggregate(via.model(), filter, a.aggregate());
    }
    ExprNode reached = new ExprNode.InSubquery(
        SimplifyRelated.fields(rel.target(), rel.targetFields()),
        new Query(new Source.Model(via.model()), pairs, new Returning.Project(
            joinTargets instanceof ExprNode.Record r ? r.fields() : List.of(joinTargets)),
            List.of(), null));
    return aggregate(rel.target(), Conjuncts.with(reached, a.filter()), a.aggregate());
  }

  /** {@code SELECT aggregate FROM model WHERE filter}: always one row. */
  private static Query aggregate(String model, ExprNode filter, ExprNode.Aggregate aggregate) {
    return new Query(new Source.Model(model), filter,
        new Returning.Project(List.of(aggregate)), List.of(), null);
  }

  /** {@code inner.innerFields = outer source.sourceFields}, field by field. */
  private static ExprNode correlation(ModelSchema source, List<Integer> sourceFields,
      String inner, List<Integer> innerFields) {
    List<ExprNode> terms = new ArrayList<>(sourceFields.size());
    for (int i = 0; i < sourceFields.size(); i++) {
      terms.add(new ExprNode.Compare(ExprNode.CompareOp.EQ,
          new ExprNode.Field(inner, innerFields.get(i)),
          new ExprNode.Outer(new ExprNode.Field(source.name(), sourceFields.get(i)))));
    }
    return Conjuncts.and(terms);
  }

  private static InvalidStatementException refused(ModelSchema source, RelationSchema rel,
      String why) {
    return new InvalidStatementException(source.name(), rel.name(),
        "cannot aggregate a relation " + why);
  }
}
