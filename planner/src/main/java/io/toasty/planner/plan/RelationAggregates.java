package io.toasty.planner.plan;

import io.toasty.Feature;
import io.toasty.driver.Capability;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.planner.expr.Children;
import io.toasty.planner.expr.Conjuncts;
import io.toasty.planner.expr.Walk;
import io.toasty.schema.db.TableSchema;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.OrderBy;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The relation aggregates of a table query (the correlated subqueries of its projection and
 * order, {@code SimplifyRelatedAggregate}) as a key-value backend's engine computes them: the
 * query's rows read without them ({@link #parents()}), then each aggregate ({@link Joined}) of
 * the related records of each window of rows, read through the index on their foreign key, or,
 * without one (or with a filter that needs subqueries), of all of them in one grouped read by
 * the foreign key, joined to each row in memory as one more column (at the table's width, then one further per
 * aggregate), which the projection and order read in place of the subquery. What the
 * correlation cannot be read from (the outer record's key anywhere but in an equality with a
 * column of the related table: an aggregate other than a count through a join model) is refused
 * with {@link Feature#RELATION_AGGREGATE}, naming the shape.
 *
 * @param parents the query's rows: its filter, and its order and limit unless it is ordered by
 *     an aggregate
 * @param joined the aggregates, in the order of the columns they add
 * @param selected the projection over the widened row, or null where the query returns records
 * @param orderBy the order over the widened row, where it reads an aggregate: sorted and limited
 *     after the aggregates are joined; empty otherwise (the parents' read applies it)
 */
record RelationAggregates(Query parents, List<Joined> joined, @Nullable List<ExprNode> selected,
    List<OrderBy> orderBy) {

  /**
   * One aggregate: {@code aggregate} of the records of {@code table} ({@code source}) where
   * {@code filter} holds, related to a parent row by their {@code keyColumns} equal to its
   * values at {@code parentColumns}.
   */
  record Joined(Source source, String table, ExprNode filter, List<Integer> keyColumns,
      List<Integer> parentColumns, ExprNode.Aggregate aggregate) {
    Joined {
      keyColumns = List.copyOf(keyColumns);
      parentColumns = List.copyOf(parentColumns);
    }

    /** {@code SELECT keys, aggregate FROM table WHERE filter GROUP BY keys}. */
    Query grouped() {
      List<ExprNode> keys = new ArrayList<>(keyColumns.size());
      keyColumns.forEach(c -> keys.add(new ExprNode.Column(table, c)));
      List<ExprNode> exprs = new ArrayList<>(keys);
      exprs.add(aggregate);
      return new Query(source, filter, new Returning.Grouped(exprs, keys, ExprNode.TRUE, false),
          List.of(), null);
    }
  }

  /** {@code q}'s relation aggregates over rows of {@code table}; null when it has none. */
  static @Nullable RelationAggregates of(Query q, TableSchema table, Capability capability) {
    List<ExprNode.Scalar> scalars = new ArrayList<>(scalars(q));
    if (scalars.isEmpty()) {
      return null;
    }
    if (!(q.returning() instanceof Returning.Project p)) {
      throw refused(capability, table, "in a grouped query");
    }
    List<Joined> joined = new ArrayList<>(scalars.size());
    scalars.forEach(s -> joined.add(joined(s, table, capability)));
    int width = table.columns().size();
    List<ExprNode> selected = new ArrayList<>(p.exprs().size());
    p.exprs().forEach(e -> selected.add(replaced(e, scalars, table.name(), width)));
    List<OrderBy> orderBy = new ArrayList<>(q.orderBy().size());
    q.orderBy().forEach(o -> orderBy.add(new OrderBy(replaced(o.expr(), scalars, table.name(),
        width), o.direction())));
    boolean projected = p.exprs().stream().anyMatch(e -> !scalarsOf(e).isEmpty());
    boolean sorted = q.orderBy().stream().anyMatch(o -> !scalarsOf(o.expr()).isEmpty());
    Query parents = parents(q, selected, orderBy, width);
    return new RelationAggregates(sorted ? parents.withOrderBy(List.of()).withLimit(null)
        : parents, joined, projected ? selected : null, sorted ? orderBy : List.of());
  }

  /** The query without its aggregates, reading the columns the rest reads. */
  private static Query parents(Query q, List<ExprNode> selected, List<OrderBy> orderBy,
      int width) {
    Set<ExprNode> columns = new LinkedHashSet<>();
    List<ExprNode> all = new ArrayList<>(selected);
    orderBy.forEach(o -> all.add(o.expr()));
    all.forEach(e -> Walk.each(e, x -> {
      if (x instanceof ExprNode.Column c && c.index() < width) {
        columns.add(c);
      }
    }));
    return q.withReturning(new Returning.Project(new ArrayList<>(columns)));
  }

  private static Set<ExprNode.Scalar> scalars(Query q) {
    Set<ExprNode.Scalar> out = new LinkedHashSet<>();
    if (q.returning() instanceof Returning.Project p) {
      p.exprs().forEach(e -> out.addAll(scalarsOf(e)));
    } else if (q.returning() instanceof Returning.Grouped g) {
      g.exprs().forEach(e -> out.addAll(scalarsOf(e)));
    }
    q.orderBy().forEach(o -> out.addAll(scalarsOf(o.expr())));
    return out;
  }

  private static List<ExprNode.Scalar> scalarsOf(ExprNode e) {
    List<ExprNode.Scalar> out = new ArrayList<>();
    Walk.each(e, x -> {
      if (x instanceof ExprNode.Scalar s) {
        out.add(s);
      }
    });
    return out;
  }

  private static ExprNode replaced(ExprNode e, List<ExprNode.Scalar> scalars, String table,
      int width) {
    int at = e instanceof ExprNode.Scalar s ? scalars.indexOf(s) : -1;
    return at >= 0 ? new ExprNode.Column(table, width + at)
        : Children.map(e, c -> replaced(c, scalars, table, width));
  }

  /**
   * A correlated aggregate {@code (SELECT agg FROM t WHERE t.fk = outer.key AND f)} as the
   * aggregate of {@code t}'s records where {@code f} holds, by {@code fk}.
   */
  private static Joined joined(ExprNode.Scalar s, TableSchema table, Capability capability) {
    Query sq = s.query();
    if (!(sq.returning() instanceof Returning.Project p) || p.exprs().size() != 1
        || !(p.exprs().get(0) instanceof ExprNode.Aggregate agg) || readsOuter(agg)) {
      throw refused(capability, table, "other than one aggregate of the related records");
    }
    List<Integer> keys = new ArrayList<>();
    List<Integer> parentColumns = new ArrayList<>();
    List<ExprNode> rest = new ArrayList<>();
    for (ExprNode term : Conjuncts.of(sq.filter())) {
      if (term instanceof ExprNode.Compare c && c.op() == ExprNode.CompareOp.EQ
          && c.left() instanceof ExprNode.Column inner
          && c.right() instanceof ExprNode.Outer o && o.operand() instanceof ExprNode.Column out
          && out.table().equals(table.name())) {
        keys.add(inner.index());
        parentColumns.add(out.index());
      } else if (readsOuter(term)) {
        throw refused(capability, table, "whose related records are found through another "
            + "query (an aggregate other than a count through a join model)");
      } else {
        rest.add(term);
      }
    }
    if (keys.isEmpty()) {
      throw refused(capability, table, "without a foreign key to group the related records by");
    }
    return new Joined(sq.source(), PlanSql.table(sq), Conjuncts.and(rest), keys, parentColumns,
        agg);
  }

  /** Whether {@code e} reads the outer record, in its subqueries too. */
  private static boolean readsOuter(ExprNode e) {
    return Walk.any(e, x -> x instanceof ExprNode.Outer
        || x instanceof ExprNode.InSubquery in && readsOuter(in.query().filter())
        || x instanceof ExprNode.Exists ex && readsOuter(ex.query().filter())
        || x instanceof ExprNode.Scalar sc && readsOuter(sc.query().filter()));
  }

  private static UnsupportedFeatureException refused(Capability capability, TableSchema table,
      String shape) {
    return new UnsupportedFeatureException(Feature.RELATION_AGGREGATE, capability.backend(),
        "a relation aggregate per record of " + table.name() + " " + shape + ": this backend "
        + "computes a relation's count or aggregate per record from one grouped read of the "
        + "related records by their foreign key; include the relation and aggregate in the "
        + "application");
  }
}
