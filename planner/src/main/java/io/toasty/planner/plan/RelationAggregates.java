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
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The relation aggregates of a table query (the correlated subqueries of its projection and
 * order, {@code SimplifyRelatedAggregate}) as a key-value backend's engine computes them: the
 * query's rows read without them ({@link #parents()}), then each aggregate ({@link Joined}) of
 * the related records of each window of rows, read through the index on their foreign key, or,
 * without one (or with a filter that needs subqueries), of all of them in one grouped read by
 * the foreign key, joined to each row in memory as one more column (at the table's width, then one further per
 * aggregate), which the projection and order read in place of the subquery. An aggregate other
 * than a count through a join model ({@code target.key IN (SELECT j.target_id FROM j WHERE
 * j.fk = OUTER key)}) reads the join records of each window ({@link Through}), then their
 * targets by key. What the correlation cannot be read from (the outer record's key anywhere
 * else) is refused with {@link Feature#RELATION_AGGREGATE}, naming the shape.
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
   * values at {@code parentColumns}; where {@code through} is not null, the records of {@code
   * table} are the targets of a join model's records, and {@code keyColumns} are the join
   * model's.
   */
  record Joined(Source source, String table, ExprNode filter, List<Integer> keyColumns,
      List<Integer> parentColumns, ExprNode.Aggregate aggregate, @Nullable Through through) {
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

  /**
   * The join model a many-to-many aggregate reaches its targets through: the records of {@code
   * table} ({@code source}) where {@code filter} holds, whose {@code targetColumns} hold the
   * target's {@code targetKeys}.
   */
  record Through(Source source, String table, ExprNode filter, List<Integer> targetColumns,
      List<Integer> targetKeys) {
    Through {
      targetColumns = List.copyOf(targetColumns);
      targetKeys = List.copyOf(targetKeys);
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
    Through through = null;
    for (ExprNode term : Conjuncts.of(sq.filter())) {
      // the pairs' subquery is the only correlation where it appears (SimplifyRelatedAggregate)
      ExprNode.InSubquery pairs = keys.isEmpty() ? pairs(term) : null;
      if (pairs != null) {
        through = through(pairs, table, keys, parentColumns, capability);
      } else if (through == null && correlated(term, table, keys, parentColumns)) {
        continue;
      } else if (readsOuter(term)) {
        throw refused(capability, table, "whose related records are found through another "
            + "query than a join model's");
      } else {
        rest.add(term);
      }
    }
    if (keys.isEmpty()) {
      throw refused(capability, table, "without a foreign key to group the related records by");
    }
    return new Joined(sq.source(), PlanSql.table(sq), Conjuncts.and(rest), keys, parentColumns,
        agg, through);
  }

  /**
   * Whether {@code term} is {@code inner = OUTER table.column}: then the two columns are added
   * to {@code keys} and {@code parentColumns}.
   */
  private static boolean correlated(ExprNode term, TableSchema table, List<Integer> keys,
      List<Integer> parentColumns) {
    if (term instanceof ExprNode.Compare c && c.op() == ExprNode.CompareOp.EQ
        && c.left() instanceof ExprNode.Column inner
        && c.right() instanceof ExprNode.Outer o && o.operand() instanceof ExprNode.Column out
        && out.table().equals(table.name())) {
      keys.add(inner.index());
      parentColumns.add(out.index());
      return true;
    }
    return false;
  }

  /**
   * {@code term} where it is {@code target.key IN (SELECT j.target_id FROM j WHERE ..)} whose
   * subquery reads the outer record (a many-to-many's pairs, {@code SimplifyRelatedAggregate});
   * null otherwise.
   */
  private static ExprNode.@Nullable InSubquery pairs(ExprNode term) {
    return term instanceof ExprNode.InSubquery in && columns(in.operand()) != null
        && in.query().returning() instanceof Returning.Project p
        && p.exprs().stream().allMatch(e -> e instanceof ExprNode.Column)
        && in.query().orderBy().isEmpty() && in.query().limit() == null
        && readsOuter(in.query().filter()) ? in : null;
  }

  /**
   * The join model of {@code in}: its records correlated with the outer record by a foreign key
   * (added to {@code keys} and {@code parentColumns}), the rest of its filter kept.
   */
  private static Through through(ExprNode.InSubquery in, TableSchema table, List<Integer> keys,
      List<Integer> parentColumns, Capability capability) {
    Query q = in.query();
    List<ExprNode> rest = new ArrayList<>();
    for (ExprNode term : Conjuncts.of(q.filter())) {
      if (!correlated(term, table, keys, parentColumns)) {
        if (readsOuter(term)) {
          throw refused(capability, table, "through a join model read other than by its "
              + "foreign key to the record");
        }
        rest.add(term);
      }
    }
    if (keys.isEmpty()) {
      throw refused(capability, table, "through a join model without a foreign key to the "
          + "record");
    }
    List<Integer> targetColumns = new ArrayList<>();
    ((Returning.Project) q.returning()).exprs().forEach(e -> targetColumns.add(
        ((ExprNode.Column) e).index()));
    return new Through(q.source(), PlanSql.table(q), Conjuncts.and(rest), targetColumns,
        Objects.requireNonNull(columns(in.operand()), "checked by pairs()"));
  }

  /** The column indexes of a column or a record of columns; null for anything else. */
  private static @Nullable List<Integer> columns(ExprNode e) {
    if (e instanceof ExprNode.Column c) {
      return List.of(c.index());
    }
    if (!(e instanceof ExprNode.Record r)
        || !r.fields().stream().allMatch(f -> f instanceof ExprNode.Column)) {
      return null;
    }
    List<Integer> out = new ArrayList<>();
    r.fields().forEach(f -> out.add(((ExprNode.Column) f).index()));
    return out;
  }

  /** Whether {@code e} reads the outer record, in its subqueries too. */
  private static boolean readsOuter(ExprNode e) {
    return Walk.any(e, x -> x instanceof ExprNode.Outer
        || x instanceof ExprNode.InSubquery in && readsOuter(in.query().filter())
        || x instanceof ExprNode.Exists ex && readsOuter(ex.query().filter())
        || x instanceof ExprNode.Scalar sc && readsOuter(sc.query().filter()));
  }

  static UnsupportedFeatureException refused(Capability capability, TableSchema table,
      String shape) {
    return new UnsupportedFeatureException(Feature.RELATION_AGGREGATE, capability.backend(),
        "a relation aggregate per record of " + table.name() + " " + shape + ": this backend "
        + "computes a relation's count or aggregate per record from the related records read "
        + "by their foreign key; include the relation and aggregate in the application");
  }
}
