package io.toasty;

import io.toasty.stmt.ExprNode;
import io.toasty.value.JavaValues;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How many records a has-many relation reaches, compared with a number in a filter:
 * {@code Persons.FOLLOWERS.count().ge(10)} keeps the people with ten followers or more,
 * {@code Authors.ARTICLES.count(Articles.VOTES.gt(5)).eq(0)} the authors without a well-voted
 * article. A record with no related record counts 0.
 *
 * <p>Each comparison is one uncorrelated subquery, grouped and counted
 * ({@code key IN (SELECT fk FROM .. GROUP BY fk HAVING COUNT(*) >= n)}), so it runs wherever
 * {@link HasManyPath#any} runs, with no query per record. The number is part of the statement's
 * shape: each distinct number is a plan of its own in the plan cache.
 *
 * <p>It is also a number of each record, to select or order by:
 * {@code Persons.all().select(Persons.NAME, Persons.FOLLOWERS.count())
 * .orderBy(Persons.FOLLOWERS.count().desc())} reads each person's name and follower count, most
 * followed first, in one statement (a correlated {@code COUNT} subquery on SQL, a
 * {@code COUNT { }} subquery on Neo4j). A comparison with another number
 * ({@code count().gt(Persons.LIMIT)}) goes through {@link #plus} and friends, which make a
 * {@link NumberExpr}.
 *
 * @param <M> the model the relation belongs to
 */
public final class RelationCount<M> implements Numeric<Long>, Selectable<Long> {
  private final ExprNode.Field relation;
  private final ExprNode filter;

  RelationCount(ExprNode.Field relation, ExprNode filter) {
    this.relation = Objects.requireNonNull(relation, "relation");
    this.filter = Objects.requireNonNull(filter, "filter");
  }

  /** The count per record: {@code SELECT COUNT(*) FROM related WHERE ..} for each record. */
  @Override
  public ExprNode node() {
    return new ExprNode.RelatedAggregate(relation, filter,
        new ExprNode.Aggregate(ExprNode.AggOp.COUNT_ALL, ExprNode.TRUE, false));
  }

  @Override
  public Type type() {
    return Type.Scalar.I64;
  }

  @Override
  public @Nullable Long read(Value value) {
    // per row: converts the value alone, without building the node again
    return value.isNull() ? null : (Long) JavaValues.of(Type.Scalar.I64, value);
  }

  /** At least {@code n} related records. */
  public Condition ge(long n) {
    return n <= 0 ? new Condition(ExprNode.TRUE)
        : new Condition(new ExprNode.Related(relation, ExprNode.Quantifier.ANY, filter, n));
  }

  /** More than {@code n} related records. */
  public Condition gt(long n) {
    return n == Long.MAX_VALUE ? new Condition(ExprNode.FALSE) : ge(n + 1);
  }

  /** Fewer than {@code n} related records. */
  public Condition lt(long n) {
    return n <= 0 ? new Condition(ExprNode.FALSE)
        : new Condition(new ExprNode.Related(relation, ExprNode.Quantifier.NONE, filter, n));
  }

  /** At most {@code n} related records. */
  public Condition le(long n) {
    return n == Long.MAX_VALUE ? new Condition(ExprNode.TRUE) : lt(n + 1);
  }

  /** Exactly {@code n} related records. */
  public Condition eq(long n) {
    return n < 0 ? new Condition(ExprNode.FALSE) : ge(n).and(le(n));
  }

  /** Any number of related records but {@code n}. */
  public Condition ne(long n) {
    return n < 0 ? new Condition(ExprNode.TRUE) : lt(n).or(gt(n));
  }
}
