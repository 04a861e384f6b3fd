package io.toasty.planner.simplify;

import io.toasty.error.InvalidStatementException;
import io.toasty.planner.expr.Conjuncts;
import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.app.RelationSchema;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Association rewriting: a relation predicate becomes a semi-join over keys, so that later phases
 * see only plain filters and subqueries.
 *
 * <ul>
 *   <li>{@code ANY rel (f)}: {@code source.keys IN (SELECT target.keys FROM target WHERE f)};</li>
 *   <li>{@code NONE rel (f)}: {@code source.keys IS NULL OR NOT (source.keys IN (..f..))};</li>
 *   <li>{@code EVERY rel (f)}: {@code NONE rel (NOT (f IS TRUE))}: no related record fails.</li>
 * </ul>
 *
 * <p>For belongs-to the keys are the foreign key and the target's referenced fields; for
 * has-many and has-one the source's referenced fields and the target's foreign key (never NULL
 * in the subquery, so {@code NOT IN} keeps two-valued logic); a many-to-many relation nests one
 * semi-join through the join model, a multi-step via one per step.
 *
 * <p>A count ({@code ANY} or {@code NONE} of at least {@code n > 1}, from
 * {@code Users.POSTS.count().ge(n)}) groups the subquery by the keys it returns and keeps the
 * groups of {@code n} rows or more: {@code source.keys IN (SELECT fk FROM target WHERE f GROUP BY
 * fk HAVING COUNT(*) >= n)}; through a join model, the join model's rows are counted (one per
 * related pair). Still one uncorrelated subquery, so every backend that runs a relation filter
 * runs a count. A multi-step via is refused: a record reached along two paths would count twice.
 */
public final class SimplifyRelated implements SimplifyRule {
  @Override
  public @Nullable ExprNode apply(ExprNode e, SimplifyContext cx) {
    if (!(e instanceof ExprNode.Related r) || cx.schema() == null) {
      return null;
    }
    ModelSchema source = cx.schema().model(r.relation().model());
    RelationSchema rel = source.relationAt(r.relation().index());
    ExprNode filter = switch (r.quantifier()) {
      case ANY, NONE -> r.filter();
      case EVERY -> notTrue(r.filter(), cx);
    };
    ExprNode in = r.atLeast() == 1 ? semiJoin(source, rel, filter)
        : countedSemiJoin(source, rel, filter, r.atLeast());
    if (r.quantifier() == ExprNode.Quantifier.ANY) {
      return in;
    }
    List<ExprNode> nullKey = new ArrayList<>();
    rel.sourceFields()
        .forEach(f -> nullKey.add(new ExprNode.IsNull(new ExprNode.Field(source.name(), f))));
    List<ExprNode> terms = new ArrayList<>(nullKey);
    terms.add(new ExprNode.Not(in));
    return new ExprNode.Or(terms);
  }

  /** {@code NOT (f IS TRUE)}: FALSE or unknown. */
  private static ExprNode notTrue(ExprNode f, SimplifyContext cx) {
    ExprNode not = new ExprNode.Not(f);
    return cx.mayBeNull(f) ? new ExprNode.Or(List.of(not, new ExprNode.IsNull(f))) : not;
  }

  /** {@code source.sourceFields IN (SELECT .. the related records matching filter ..)}. */
  static ExprNode semiJoin(ModelSchema source, RelationSchema rel, ExprNode filter) {
    ExprNode operand = fields(source.name(), rel.sourceFields());
    if (rel.isMultiStep()) {
      return stepsSemiJoin(rel.steps(), filter);
    }
    if (rel.through() == null) {
      return new ExprNode.InSubquery(operand, keys(rel.target(), rel.targetFields(),
          rel.narrow(filter)));
    }
    RelationSchema.Through via = rel.through();
    Query targets = keys(rel.target(), rel.targetFields(), filter);
    ExprNode joinFilter = new ExprNode.InSubquery(fields(via.model(), via.targetFields()), targets);
    return new ExprNode.InSubquery(operand, keys(via.model(), via.sourceFields(), joinFilter));
  }

  /**
   * {@code source.sourceFields IN (..)} of the keys related to at least {@code atLeast} records
   * matching {@code filter}: the semi-join's innermost selection grouped by its keys.
   */
  static ExprNode countedSemiJoin(ModelSchema source, RelationSchema rel, ExprNode filter,
      long atLeast) {
    if (rel.isMultiStep()) {
      throw new InvalidStatementException(source.name(), rel.name(), "cannot count a relation "
          + "through several steps (a record reached along two paths would count twice); count "
          + "its first step, or filter with any()");
    }
    ExprNode operand = fields(source.name(), rel.sourceFields());
    if (rel.through() == null) {
      return new ExprNode.InSubquery(operand, counted(keys(rel.target(), rel.targetFields(),
          rel.narrow(filter)), atLeast));
    }
    RelationSchema.Through via = rel.through();
    Query targets = keys(rel.target(), rel.targetFields(), filter);
    ExprNode joinFilter = new ExprNode.InSubquery(fields(via.model(), via.targetFields()), targets);
    return new ExprNode.InSubquery(operand, counted(keys(via.model(), via.sourceFields(),
        joinFilter), atLeast));
  }

  /** {@code keys} grouped by what it selects, the groups of {@code atLeast} rows or more. */
  private static Query counted(Query keys, long atLeast) {
    List<ExprNode> project = ((Returning.Project) keys.returning()).exprs();
    ExprNode having = new ExprNode.Compare(ExprNode.CompareOp.GE,
        new ExprNode.Aggregate(ExprNode.AggOp.COUNT_ALL, ExprNode.TRUE, false),
        new ExprNode.Const(new Value.I64(atLeast)));
    return new Query(keys.source(), keys.filter(),
        new Returning.Grouped(project, project, having, false), List.of(), null);
  }

  /**
   * A multi-step via: one semi-join per step, the innermost over the target's records matching
   * {@code filter}: {@code s1.source IN (SELECT s1.target FROM m1 WHERE s2.source IN (...))}.
   */
  private static ExprNode stepsSemiJoin(List<RelationSchema.Step> steps, ExprNode filter) {
    ExprNode inner = filter;
    for (int i = steps.size() - 1; i >= 0; i--) {
      RelationSchema.Step step = steps.get(i);
      inner = new ExprNode.InSubquery(fields(step.model(), step.sourceFields()),
          keys(step.target(), step.targetFields(), inner));
    }
    return inner;
  }

  /** {@code SELECT fields FROM model WHERE fields IS NOT NULL AND filter}. */
  static Query keys(String model, List<Integer> fields, ExprNode filter) {
    List<ExprNode> terms = new ArrayList<>();
    List<ExprNode> project = new ArrayList<>();
    for (int f : fields) {
      ExprNode field = new ExprNode.Field(model, f);
      terms.add(new ExprNode.Not(new ExprNode.IsNull(field)));
      project.add(field);
    }
    terms.addAll(Conjuncts.of(filter));
    return new Query(new Source.Model(model), Conjuncts.and(terms),
        new Returning.Project(project), List.of(), null);
  }

  static ExprNode fields(String model, List<Integer> fields) {
    if (fields.size() == 1) {
      return new ExprNode.Field(model, fields.get(0));
    }
    List<ExprNode> out = new ArrayList<>();
    fields.forEach(f -> out.add(new ExprNode.Field(model, f)));
    return new ExprNode.Record(out);
  }
}
