package io.toasty;

import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Limit;
import io.toasty.stmt.OrderBy;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A query that returns chosen expressions rather than records: a tuple per row from
 * {@link Select#select}, or a projection record. With aggregates ({@link Agg}), {@link #groupBy}
 * and {@link #having}, one result per group; with {@link #distinct}, equal results once.
 *
 * <pre>{@code
 * Flux<Tuple2<String, Long>> perTag = Scores.all()
 *     .select(Scores.TAG, Agg.sum(Scores.POINTS))
 *     .groupBy(Scores.TAG).having(Agg.count().ge(2L)).stream(db);
 * }</pre>
 *
 * @param <R> the result type
 */
public final class Projected<R> {
  private final Query query;
  private final List<ExprNode> exprs;
  private final List<ExprNode> groupBy;
  private final ExprNode having;
  private final boolean distinct;
  private final Function<Value.Record, R> mapper;

  /**
   * The projection of {@code query} on {@code exprs}, each row read by {@code mapper}. For
   * generated code ({@code io.toasty.generated}); an application gets one from
   * {@link Select#select(Selectable)}.
   */
  public Projected(Query query, List<ExprNode> exprs, Function<Value.Record, R> mapper) {
    this(query, exprs, List.of(), ExprNode.TRUE, false, mapper);
  }

  private Projected(Query query, List<ExprNode> exprs,
      List<ExprNode> groupBy, ExprNode having, boolean distinct,
      Function<Value.Record, R> mapper) {
    this.query = query;
    this.exprs = List.copyOf(exprs);
    this.groupBy = List.copyOf(groupBy);
    this.having = having;
    this.distinct = distinct;
    this.mapper = mapper;
  }

  /**
   * One result per group of rows with equal values of {@code exprs} (added to earlier ones): fields
   * and expressions, an embedded record or a sealed value too (equal when all its columns are).
   */
  public Projected<R> groupBy(Selectable<?>... exprs) {
    List<ExprNode> all = new ArrayList<>(groupBy);
    for (Selectable<?> e : exprs) {
      all.add(Objects.requireNonNull(e, "groupBy").node());
    }
    return new Projected<>(query, this.exprs, all, having, distinct, mapper);
  }

  /**
   * Only the groups for which {@code condition} (over group-by expressions and aggregates) is
   * TRUE; a second {@code having} is ANDed with the first.
   */
  public Projected<R> having(Expr<Boolean> condition) {
    ExprNode node = Objects.requireNonNull(condition, "condition").node();
    return new Projected<>(query, exprs, groupBy, having.equals(ExprNode.TRUE) ? node
        : ExprNode.and(having, node), distinct, mapper);
  }

  /** Equal results once ({@code SELECT DISTINCT}). */
  public Projected<R> distinct() {
    return new Projected<>(query, exprs, groupBy, having, true, mapper);
  }

  /** Ordered by {@code orders} (replacing any earlier order); SQL backends only. */
  public Projected<R> orderBy(Order... orders) {
    List<OrderBy> terms = new ArrayList<>(orders.length);
    for (Order o : orders) {
      terms.add(Objects.requireNonNull(o, "order").node());
    }
    return new Projected<>(query.withOrderBy(terms), exprs, groupBy, having, distinct, mapper);
  }

  /** At most {@code count} results. */
  public Projected<R> limit(long count) {
    if (count < 0) {
      throw new IllegalArgumentException("limit must not be negative, was " + count);
    }
    ExprNode offset = query.limit() == null ? null : query.limit().offset();
    return new Projected<>(query.withLimit(new Limit(constant(count), offset)), exprs, groupBy,
        having, distinct, mapper);
  }

  /** The results, streamed. */
  public Flux<R> stream(Executor db) {
    Objects.requireNonNull(db, "db");
    return db.exec(untyped()).map(v -> mapper.apply((Value.Record) v));
  }

  /** The results, in a list. */
  public Mono<List<R>> collect(Executor db) {
    return stream(db).collectList();
  }

  /**
   * The first result, or empty when there is none; an aggregate without group by always has one
   * (its values may be null: a SUM over no row).
   */
  public Mono<R> first(Executor db) {
    return stream(db).next();
  }

  /**
   * The untyped statement: a plain projection, or a {@link Returning.Grouped} as soon as there
   * is an aggregate, a group by, a having or a distinct (a distinct alone groups by every
   * expression).
   */
  public Query untyped() {
    boolean aggregates = exprs.stream().anyMatch(Projected::hasAggregate);
    if (!aggregates && groupBy.isEmpty() && having.equals(ExprNode.TRUE)
        && !distinct) {
      return query.withReturning(new Returning.Project(exprs));
    }
    List<ExprNode> by = distinct && !aggregates && groupBy.isEmpty() ? exprs : groupBy;
    return query.withReturning(new Returning.Grouped(exprs, by, having, distinct));
  }

  /** Whether {@code e} holds an aggregate (through the operators a projection may hold). */
  private static boolean hasAggregate(ExprNode e) {
    if (e instanceof ExprNode.Aggregate) {
      return true;
    } else if (e instanceof ExprNode.Arith a) {
      return hasAggregate(a.left()) || hasAggregate(a.right());
    } else if (e instanceof ExprNode.Compare c) {
      return hasAggregate(c.left()) || hasAggregate(c.right());
    } else if (e instanceof ExprNode.Func f) {
      return hasAggregate(f.operand());
    } else if (e instanceof ExprNode.Not n) {
      return hasAggregate(n.operand());
    } else if (e instanceof ExprNode.IsNull n) {
      return hasAggregate(n.operand());
    } else if (e instanceof ExprNode.And a) {
      return a.operands().stream().anyMatch(Projected::hasAggregate);
    } else if (e instanceof ExprNode.Or o) {
      return o.operands().stream().anyMatch(Projected::hasAggregate);
    }
    return false;
  }

  private static ExprNode constant(long n) {
    return new ExprNode.Const(new Value.I64(n));
  }

  @Override
  public String toString() {
    return "Projected[" + untyped() + "]";
  }
}
