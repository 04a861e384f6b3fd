package io.toasty.planner.plan;

import io.toasty.Feature;
import io.toasty.driver.Capability;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.planner.expr.Children;
import io.toasty.planner.expr.Conjuncts;
import io.toasty.planner.expr.Walk;
import io.toasty.planner.hir.Hir;
import io.toasty.planner.hir.HirOutput;
import io.toasty.planner.plan.node.AggregateSlot;
import io.toasty.planner.plan.node.AtomicWrite;
import io.toasty.planner.plan.node.Concat;
import io.toasty.planner.plan.node.Const;
import io.toasty.planner.plan.node.CountRead;
import io.toasty.planner.plan.node.CountRows;
import io.toasty.planner.plan.node.DeleteByKey;
import io.toasty.planner.plan.node.ExecStatement;
import io.toasty.planner.plan.node.Filter;
import io.toasty.planner.plan.node.FindPkByIndex;
import io.toasty.planner.plan.node.GetByKey;
import io.toasty.planner.plan.node.GroupRows;
import io.toasty.planner.plan.node.JoinAggregate;
import io.toasty.planner.plan.node.LimitRows;
import io.toasty.planner.plan.node.Mir;
import io.toasty.planner.plan.node.NestedMerge;
import io.toasty.planner.plan.node.ProjectRows;
import io.toasty.planner.plan.node.QueryPk;
import io.toasty.planner.plan.node.Scan;
import io.toasty.planner.plan.node.SemiFilter;
import io.toasty.planner.plan.node.SortRows;
import io.toasty.planner.plan.node.UpdateByKey;
import io.toasty.schema.Schema;
import io.toasty.schema.db.TableIndex;
import io.toasty.schema.db.TableSchema;
import io.toasty.stmt.DeleteNode;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.OrderBy;
import io.toasty.stmt.Query;
import io.toasty.stmt.ReadConsistency;
import io.toasty.stmt.Returning;
import io.toasty.stmt.StatementNode;
import io.toasty.stmt.UpdateNode;
import io.toasty.value.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * Plans HIR for a key-value backend. Reads go through the cheapest {@link KeyPath}: a key lookup
 * ({@link GetByKey} of {@link Const} keys), an index lookup ({@link FindPkByIndex} then
 * {@link GetByKey}), a partition query ({@link QueryPk}) or a {@link Scan}; what the key does not
 * cover is filtered by the operation or in memory ({@link Filter}; also what the backend's own
 * filter cannot hold, {@link ResidualSplit}); an order other than the sort key's is sorted in
 * memory after the read ({@link SortRows}), a limit applied after it. A relation's aggregate per
 * record, selected or ordered by, is joined to each row in memory ({@link RelationAggregates}).
 * Updates and deletes find the keys the same way and write by key. Inserts return the rows they
 * stored, assembled from the bound values ({@link Const} after the insert).
 */
final class PlanKeyValue {
  private final Schema schema;
  private final TableSchema table;
  private final Capability capability;
  private final MirBuilder b;
  private final String model;
  /**
   * The consistency the query planned asks for; an update's or a delete's read of what it
   * changes is strongly consistent.
   */
  private ReadConsistency consistency = ReadConsistency.STRONG;
  /** Deferred columns the query neither returns nor tests: left out of its reads. */
  private List<Integer> unread = List.of();
  /** The projection over rows widened by relation aggregates; null when there are none. */
  private @Nullable List<ExprNode> selected;
  /** The columns of a row widened by relation aggregates: the table's, then one per aggregate. */
  private int widenedWidth;

  private PlanKeyValue(Schema schema, TableSchema table, Capability capability, MirBuilder b,
      String model) {
    this.schema = schema;
    this.table = table;
    this.capability = capability;
    this.b = b;
    this.model = model;
  }

  static Mir plan(Hir hir, Schema schema, Capability capability) {
    long own = hir.statements().stream().filter(h -> h.merge() == null).count();
    if (own > 1 && NestedInserts.of(hir)) {
      return NestedInserts.plan(hir, schema, capability);
    }
    if (own > 1 && CascadeDeletes.of(hir)) {
      // a cascade deletes what it reads: the records themselves, strongly consistent
      return CascadeDeletes.plan(hir, schema, capability, (b, q) -> new PlanKeyValue(schema,
          schema.table(PlanSql.table(q)), capability, b, hir.model())
          .query(q.withConsistency(ReadConsistency.STRONG)));
    }
    if (own != 1) {
      throw new UnsupportedFeatureException(Feature.MULTI_STATEMENT_PLAN,
          capability.backend(), "a plan of " + own
          + " statements: this backend runs one statement per plan (and preloads)");
    }
    StatementNode s = hir.statements().get(hir.result()).statement();
    PlanKeyValue p = new PlanKeyValue(schema, schema.table(PlanSql.table(s)), capability,
        new MirBuilder(), hir.model());
    int root = p.statement(s);
    List<Integer> fetched = new ArrayList<>(p.fetched(s));
    root = PlanNestedMerge.wrap(p.b, hir, schema, capability, hir.result(), root, fetched);
    return p.b.build(root, Plan.output(p.output(hir.output()), fetched));
  }

  /**
   * The statement's output, its positions of the projection read from the widened rows where
   * relation aggregates were joined to them ({@link RelationAggregates}).
   */
  private HirOutput output(HirOutput out) {
    List<ExprNode> over = selected;
    if (over == null || !(out instanceof HirOutput.Rows rows)) {
      return out;
    }
    List<ExprNode> fields = new ArrayList<>(rows.fields().size());
    rows.fields().forEach(f -> fields.add(position(f, over)));
    return new HirOutput.Rows(fields);
  }

  /** An output's positions of the projection (columns) as what the projection computes there. */
  private static ExprNode position(ExprNode field, List<ExprNode> selected) {
    return field instanceof ExprNode.Column c ? selected.get(c.index())
        : Children.map(field, f -> position(f, selected));
  }

  private int statement(StatementNode s) {
    if (s instanceof Query q) {
      return query(q);
    } else if (s instanceof InsertNode i) {
      return insert(i);
    } else if (s instanceof UpdateNode u) {
      return update(u);
    }
    return delete((DeleteNode) s);
  }

  private List<Integer> fetched(StatementNode s) {
    if (s.returning() instanceof Returning.Count) {
      return List.of();
    }
    if (selected != null) {
      return firstPositions(widenedWidth);
    }
    if (s.returning() instanceof Returning.Grouped) {
      return ExecStatement.fetched(s);
    }
    return s instanceof InsertNode i && i.onConflict() == null ? i.columns() : allColumns();
  }

  private int query(Query q) {
    consistency = q.consistency();
    unread = UnreadColumns.of(q, table, schema);
    if (q.returning() instanceof Returning.Count) {
      return count(q);
    }
    RelationAggregates aggregates = RelationAggregates.of(q, table, capability);
    if (aggregates != null) {
      return joinedAggregates(q, aggregates);
    }
    if (q.returning() instanceof Returning.Grouped g) {
      return grouped(q, g);
    }
    int semiJoin = semiJoin(q.filter());
    if (semiJoin < 0) {
      semiJoin = semiFiltered(q.filter());
    }
    if (semiJoin >= 0) {
      return limited(sorted(semiJoin, q), q);
    }
    KeyPath path = SelectKeyPath.select(q.filter(), table, capability);
    Boolean forward = q.orderBy().isEmpty() ? Boolean.TRUE : SortKeyOrder.of(q.orderBy(), path,
        table);
    if (forward == null) {
      // An order the read cannot deliver: the engine sorts what the read returns.
      return limited(sorted(rows(path), q), q);
    }
    ExprNode pageSize = q.limit() != null && q.limit().offset() == null ? q.limit().count() : null;
    if (path instanceof KeyPath.IndexQuery iq) {
      return indexQuery(iq, forward, pageSize, q);
    }
    if (!(path instanceof KeyPath.PartitionQuery pq)) {
      return limited(rows(path), q);
    }
    return limited(partitionQuery(pq, forward, pageSize), q);
  }

  /**
   * An index partition read in the index's order ({@code forward}, {@code pageSize} items a
   * request when a limit follows): the items straight from the index (which holds every
   * attribute), their ties on the index's sort key put in the query's order, the limit applied,
   * then, where the read must be strongly consistent ({@link #fromIndex}), the page's records read
   * again by key (in the same order) so that it shows their current values.
   */
  private int indexQuery(KeyPath.IndexQuery iq, boolean forward, @Nullable ExprNode pageSize,
      Query q) {
    ResidualSplit r = ResidualSplit.of(iq.residual(), capability);
    int rows = filtered(widened(b.add(new FindPkByIndex(table.name(), iq.index().name(),
        iq.keyCondition(), r.pushed(), readColumns(), forward, pageSize))), r.kept());
    if (q.orderBy().size() > 1) {
      rows = b.add(new SortRows(rows, q.orderBy(), model, SortRows.MAX_ROWS, 1));
    }
    rows = limited(rows, q);
    if (fromIndex(iq.index())) {
      return rows;
    }
    int keys = b.add(new ProjectRows(rows, table.primaryKey()));
    return filtered(widened(b.add(new GetByKey(keys, table.name(), readColumns()))),
        iq.residual());
  }

  /**
   * Whether a read by {@code index} takes the items from the index's copy of them (one index
   * Query, eventually consistent as the index is) rather than the keys from it and then each item
   * by key. By default it does for a non-unique index; a unique one stays strongly consistent
   * (its equality is read from the uniqueness item), and so does a write's read of what it
   * changes (docs/dynamodb.md, "Reads by an index").
   */
  private boolean fromIndex(TableIndex index) {
    return consistency.fromIndex(index.unique());
  }

  /**
   * A query selecting or ordered by relation aggregates: its rows, each widened by every
   * aggregate of its related records ({@link AggregateSlot}, {@link JoinAggregate}), sorted
   * and limited in memory where the order reads an aggregate (else read in order, limited, before
   * the aggregates are joined), then the widened rows as they are where the projection reads them,
   * else narrowed back to the table's columns (records ordered by an aggregate).
   */
  private int joinedAggregates(Query q, RelationAggregates aggregates) {
    int rows = query(aggregates.parents());
    int width = table.columns().size();
    for (RelationAggregates.Joined j : aggregates.joined()) {
      rows = joined(rows, j, width++, aggregates.parents());
    }
    if (!aggregates.orderBy().isEmpty()) {
      // ordered by an aggregate: every record's is joined first, then sorted and limited
      rows = limited(b.add(new SortRows(rows, aggregates.orderBy(), model, SortRows.MAX_ROWS)),
          q);
    }
    selected = aggregates.selected();
    widenedWidth = width;
    return selected != null ? rows
        : b.add(new ProjectRows(rows, firstPositions(table.columns().size())));
  }

  /**
   * {@code rows} (of {@code width} columns) with aggregate {@code j} after them: from the related
   * records of each window of rows, read through the index on their foreign key (through a join
   * model: the join records so, then their targets by key), or else from one grouped read of all
   * of them (as a filter by a relation's count reads them).
   */
  private int joined(int rows, RelationAggregates.Joined j, int width, Query parents) {
    TableSchema related = schema.table(j.table());
    RelationAggregates.Through through = j.through();
    if (through != null) {
      // through a join model: each window's join records, then their targets by key
      int merged = b.add(new NestedMerge(rows, List.of(RelationAggregateBranch.through(j,
          through, schema.table(through.table()), related, table, capability)),
          PlanNestedMerge.WINDOW, ParentBound.of(parents, table)));
      return b.add(new AggregateSlot(merged, width, RelationAggregateBranch.overSlot(j), true));
    }
    if (RelationAggregateBranch.applies(j, related)) {
      int merged = b.add(new NestedMerge(rows, List.of(RelationAggregateBranch.of(j, related)),
          PlanNestedMerge.WINDOW, ParentBound.of(parents, table)));
      return b.add(new AggregateSlot(merged, width, RelationAggregateBranch.overSlot(j), false));
    }
    int groups = new PlanKeyValue(schema, related, capability, b, model).query(j.grouped());
    return b.add(new JoinAggregate(rows, groups, j.parentColumns(), j.aggregate().op()));
  }

  /** The positions 0 to {@code count - 1}. */
  static List<Integer> firstPositions(int count) {
    return IntStream.range(0, count).boxed().toList();
  }

  /** {@code rows} in the query's order, sorted in memory; unchanged when it has none. */
  private int sorted(int rows, Query q) {
    return q.orderBy().isEmpty() ? rows
        : b.add(new SortRows(rows, q.orderBy(), model, SortRows.MAX_ROWS));
  }

  /** {@code rows} with the query's limit and offset applied, if it has them. */
  private int limited(int rows, Query q) {
    return q.limit() == null ? rows
        : b.add(new LimitRows(rows, q.limit().count(), q.limit().offset()));
  }

  /**
   * A count: the backend counts a partition query or scan whose whole filter it holds; anything
   * else (key lookups, fan-outs, a residual the engine evaluates) is counted in memory as the
   * rows stream by.
   */
  private int count(Query q) {
    int semiJoin = semiJoin(q.filter());
    if (semiJoin < 0) {
      semiJoin = semiFiltered(q.filter());
    }
    if (semiJoin >= 0) {
      return b.add(new CountRows(semiJoin));
    }
    KeyPath path = SelectKeyPath.select(q.filter(), table, capability);
    if (path instanceof KeyPath.FullScan scan) {
      ResidualSplit r = ResidualSplit.of(scan.filter(), capability);
      if (r.kept().equals(ExprNode.TRUE)) {
        return b.add(new CountRead(new Scan(table.name(), table.primaryKey(), r.pushed())));
      }
    } else if (path instanceof KeyPath.PartitionQuery pq) {
      ResidualSplit r = ResidualSplit.of(pq.residual(), capability);
      if (r.kept().equals(ExprNode.TRUE)) {
        return b.add(new CountRead(new QueryPk(table.name(), table.primaryKey(),
            pq.keyCondition(), r.pushed())));
      }
    }
    return b.add(new CountRows(rows(path)));
  }

  /**
   * Aggregates: the engine groups the rows as they stream by ({@link GroupRows}); an order of
   * the groups is beyond a key-value read, a limit applies to the groups.
   */
  private int grouped(Query q, Returning.Grouped g) {
    int semiJoin = semiJoin(q.filter());
    if (semiJoin < 0) {
      semiJoin = semiFiltered(q.filter());
    }
    int rows = semiJoin >= 0 ? semiJoin
        : rows(SelectKeyPath.select(q.filter(), table, capability));
    int groups = b.add(new GroupRows(rows, g));
    if (!q.orderBy().isEmpty()) {
      groups = b.add(new SortRows(groups, groupOrder(q.orderBy(), g), model, SortRows.MAX_ROWS));
    }
    return limited(groups, q);
  }

  /**
   * An order of groups as positions of the grouped row: each term must be one of the selected
   * expressions (a group's row holds nothing else).
   */
  private List<OrderBy> groupOrder(List<OrderBy> orderBy, Returning.Grouped g) {
    List<OrderBy> out = new ArrayList<>();
    for (OrderBy o : orderBy) {
      int at = g.exprs().indexOf(o.expr());
      if (at < 0) {
        throw new UnsupportedFeatureException(Feature.ORDER_BY, capability.backend(),
            "ordering the groups of an aggregate query on " + table.name() + " by an "
            + "expression it does not select; select it too");
      }
      out.add(new OrderBy(new ExprNode.Column(table.name(), at), o.direction()));
    }
    return out;
  }

  private int insert(InsertNode i) {
    AtomicWriteSize.check(i, table, capability);
    if (i.onConflict() != null) {
      return upsert(i);
    }
    InsertNode counted = i.with(i.columns(), i.rows(), new Returning.Count());
    List<Integer> inserts = new ArrayList<>();
    if (capability.multiRowInsert() || i.rows().size() == 1) {
      inserts.add(b.add(new ExecStatement(counted, List.of(), null, List.of())));
    } else {
      for (ExprNode.Record row : i.rows()) {
        InsertNode one =
            new InsertNode(i.target(), i.columns(), List.of(row), new Returning.Count());
        inserts.add(b.add(new ExecStatement(one, List.of(), null, List.of())));
      }
    }
    if (i.returning() instanceof Returning.Count) {
      return inserts.size() == 1 ? inserts.get(0) : b.add(new Concat(inserts, List.of(), true));
    }
    return b.add(new Const(i.rows(), false, inserts));
  }

  /**
   * An upsert is one operation returning the stored rows. Its conflict target is the primary key
   * or the columns of one unique index (lowering refuses any other): the driver arbitrates on the
   * key, or reads which record holds the unique values and writes conditioned on them.
   */
  private int upsert(InsertNode i) {
    Objects.requireNonNull(i.onConflict(), "an upsert").assignments()
        .forEach(a -> updateExpression(a.value()));
    if (i.rows().size() > 1) {
      throw new UnsupportedFeatureException(Feature.UPSERT_MANY, capability.backend(),
          "a key-value backend checks and writes one record per conditional write; upsert the "
          + i.rows().size() + " records one by one");
    }
    List<Type> rowType = new ArrayList<>();
    for (int c : allColumns()) {
      rowType.add(table.column(c).type());
    }
    return b.add(new ExecStatement(i, rowType, null, List.of()));
  }

  private int update(UpdateNode u) {
    u.assignments().forEach(a -> updateExpression(a.value()));
    boolean returning = u.returning() instanceof Returning.Project;
    int semi = semiFiltered(u.filter());
    if (semi >= 0) {
      // the keys of the records the read found; each written if it still exists
      return b.add(new UpdateByKey(b.add(new ProjectRows(semi, table.primaryKey())),
          table.name(), u.assignments(), ExprNode.TRUE, returning,
          returning ? allColumns() : List.of()));
    }
    KeyPath path = SelectKeyPath.select(u.filter(), table, capability);
    ExprNode checked = pathChecked(path);
    if (checked != null) {
      return b.add(new UpdateByKey(b.add(new ProjectRows(rows(path), table.primaryKey())),
          table.name(), u.assignments(), checked, returning,
          returning ? allColumns() : List.of()));
    }
    ResidualSplit.refuseInWrite(guard(path), table.name(), capability);
    int keys = keys(path);
    return b.add(new UpdateByKey(keys, table.name(), u.assignments(), guard(path), returning,
        returning ? allColumns() : List.of()));
  }

  /**
   * A key-value backend's update takes values, fields, arithmetic, text functions and changes of
   * collections over the record's own fields: what its update cannot compute itself, its driver computes from the
   * record as read and writes conditioned on what it read. Anything else is refused before the
   * write is sent.
   */
  private void updateExpression(ExprNode e) {
    if (e instanceof ExprNode.Arith a) {
      updateExpression(a.left());
      updateExpression(a.right());
    } else if (e instanceof ExprNode.Func f) {
      updateExpression(f.operand());
    } else if (e instanceof ExprNode.CollectionChange c) {
      // Verify let through only the changes the backend makes itself (list_append)
      updateExpression(c.operand());
      updateExpression(c.items());
    } else if (!(e instanceof ExprNode.Arg
        || e instanceof ExprNode.Const
        || e instanceof ExprNode.Column)) {
      throw new UnsupportedFeatureException(Feature.UPDATE_EXPRESSION, capability.backend(),
          "setting " + e + ": this backend's update takes values, fields, arithmetic and text "
          + "functions of the record's own fields");
    }
  }

  private int delete(DeleteNode d) {
    int semi = semiFiltered(d.filter());
    if (semi >= 0) {
      return b.add(new DeleteByKey(b.add(new ProjectRows(semi, table.primaryKey())),
          table.name(), ExprNode.TRUE));
    }
    KeyPath path = SelectKeyPath.select(d.filter(), table, capability);
    if (isJoinModel()) {
      // Join records are links: unlinking several is all or nothing, one atomic write of the
      // records read (and filtered) first, since a record failing a write's condition would
      // cancel the whole request (refused by the driver beyond the backend's item limit).
      int keys = b.add(new ProjectRows(rows(path), table.primaryKey()));
      return b.add(new AtomicWrite(List.of(new DeleteByKey(keys, table.name(), ExprNode.TRUE))));
    }
    ExprNode checked = pathChecked(path);
    if (checked != null) {
      return b.add(new DeleteByKey(b.add(new ProjectRows(rows(path), table.primaryKey())),
          table.name(), checked));
    }
    ResidualSplit.refuseInWrite(guard(path), table.name(), capability);
    return b.add(new DeleteByKey(keys(path), table.name(), guard(path)));
  }

  /**
   * For a write whose filter tests paths inside JSON documents, which the backend's condition
   * cannot hold but the engine can: the condition the write checks (what the backend holds of
   * the filter), the records being read first and kept where the paths' tests hold. Null for any
   * other filter, and where the backend cannot hold the rest of it either (refused as before).
   */
  private @Nullable ExprNode pathChecked(KeyPath path) {
    ResidualSplit split = ResidualSplit.of(guard(path), capability);
    boolean paths = false;
    for (ExprNode term : Conjuncts.of(split.kept())) {
      if (!Walk.any(term, e -> e instanceof ExprNode.JsonText)) {
        return null;
      }
      paths = true;
    }
    return paths ? split.pushed() : null;
  }

  /** Whether this plan's model is the join model of a many-to-many relation. */
  private boolean isJoinModel() {
    return schema.models().stream().flatMap(m -> m.relations().stream())
        .anyMatch(r -> r.through() != null && r.through().model().equals(model));
  }

  /** A node producing every column of the rows {@code path} selects. */
  private int rows(KeyPath path) {
    if (path instanceof KeyPath.PrimaryKeys pk) {
      return filtered(widened(b.add(new GetByKey(b.add(new Const(pk.keys(), false,
          List.of())), table.name(), readColumns()))), pk.residual());
    } else if (path instanceof KeyPath.IndexLookup ix && fromIndex(ix.index())) {
      // an eventually consistent read: the rows straight from the index
      return filtered(widened(b.add(new FindPkByIndex(table.name(), ix.index().name(),
          ix.keyCondition(), ExprNode.TRUE, readColumns()))), ix.residual());
    } else if (path instanceof KeyPath.IndexLookup ix) {
      int keys = b.add(new FindPkByIndex(table.name(), ix.index().name(), ix.keyCondition(),
          ExprNode.TRUE));
      return filtered(widened(b.add(new GetByKey(keys, table.name(), readColumns()))),
          ix.residual());
    } else if (path instanceof KeyPath.IndexQuery iq) {
      return rows(new KeyPath.IndexLookup(iq.index(), iq.keyCondition(), iq.residual()));
    } else if (path instanceof KeyPath.PartitionQuery pq) {
      return partitionQuery(pq, true, null);
    } else if (path instanceof KeyPath.FullScan scan) {
      ResidualSplit r = ResidualSplit.of(scan.filter(), capability);
      return filtered(widened(b.add(new Scan(table.name(), readColumns(), r.pushed()))),
          r.kept());
    }
    return fanOut((KeyPath.AnyOf) path);
  }

  /**
   * {@code key IN (SELECT c FROM t WHERE f)} (and conditions on values), the table's key a single
   * column: the keys come from {@code t}'s own key path, without duplicates, then the rows by key;
   * -1 when the filter has another shape, or when {@code f} would need the engine after the read.
   */
  private int semiJoin(ExprNode filter) {
    List<ExprNode> rest = new ArrayList<>();
    ExprNode.InSubquery in = null;
    for (ExprNode term : Conjuncts.of(filter)) {
      if (in == null
          && term instanceof ExprNode.InSubquery s
          && s.operand() instanceof ExprNode.Column c
          && table.primaryKey().equals(List.of(c.index()))) {
        in = s;
      } else if (Walk.hasSubquery(term)) {
        return -1;
      } else {
        rest.add(term);
      }
    }
    if (in == null || Walk.hasSubquery(in.query().filter())
        || !(in.query().returning() instanceof Returning.Project pr) || pr.exprs().size() != 1
        || !(pr.exprs().get(0) instanceof ExprNode.Column inner)) {
      return -1;
    }
    TableSchema t = schema.table(PlanSql.table(in.query()));
    int keys = new PlanKeyValue(schema, t, capability, b, t.name()).columnWithoutResidual(
        SelectKeyPath.select(in.query().filter(), t, capability), inner.index());
    if (keys < 0) {
      return -1;
    }
    int distinct = b.add(new Concat(List.of(keys), List.of(0), false));
    return filtered(widened(b.add(new GetByKey(distinct, table.name(), readColumns()))),
        Conjuncts.and(rest));
  }

  /** A node reading column {@code c} of the rows {@code path} selects, or -1 if it cannot alone. */
  private int columnWithoutResidual(KeyPath path, int c) {
    if (path instanceof KeyPath.PrimaryKeys pk && pk.residual().equals(ExprNode.TRUE)) {
      return b.add(new GetByKey(b.add(new Const(pk.keys(), false, List.of())), table.name(),
          List.of(c)));
    } else if (path instanceof KeyPath.IndexLookup ix && ix.residual().equals(ExprNode.TRUE)) {
      int keys = b.add(new FindPkByIndex(table.name(), ix.index().name(), ix.keyCondition(),
          ExprNode.TRUE));
      return b.add(new GetByKey(keys, table.name(), List.of(c)));
    } else if (path instanceof KeyPath.FullScan scan) {
      ResidualSplit r = ResidualSplit.of(scan.filter(), capability);
      return r.kept().equals(ExprNode.TRUE)
          ? b.add(new Scan(table.name(), List.of(c), r.pushed())) : -1;
    }
    return -1;
  }

  /**
   * A partition's rows in sort key order ({@code forward}) or the reverse, read {@code pageSize}
   * items a request when a limit follows (null: the driver's page size).
   */
  private int partitionQuery(KeyPath.PartitionQuery pq, boolean forward,
      @Nullable ExprNode pageSize) {
    ResidualSplit r = ResidualSplit.of(pq.residual(), capability);
    return filtered(widened(b.add(new QueryPk(table.name(), readColumns(), pq.keyCondition(),
        r.pushed(), forward, pageSize))), r.kept());
  }

  /** One lookup per branch: keys batched into one read where every branch yields keys. */
  private int fanOut(KeyPath.AnyOf any) {
    boolean keysOnly = any.branches().stream().allMatch(p -> p instanceof KeyPath.PrimaryKeys
        || p instanceof KeyPath.IndexLookup);
    if (keysOnly) {
      int keys = keys(any);
      int rows = widened(b.add(new GetByKey(keys, table.name(), readColumns())));
      return filtered(rows, hasResidual(any) ? any.filter() : ExprNode.TRUE);
    }
    List<Integer> branches = new ArrayList<>();
    any.branches().forEach(p -> branches.add(rows(p)));
    return b.add(new Concat(branches, table.primaryKey(), false));
  }

  /** A node producing the primary key records of the rows {@code path} selects. */
  private int keys(KeyPath path) {
    if (path instanceof KeyPath.PrimaryKeys pk) {
      return b.add(new Const(pk.keys(), false, List.of()));
    } else if (path instanceof KeyPath.IndexLookup ix) {
      return b.add(new FindPkByIndex(table.name(), ix.index().name(), ix.keyCondition(),
          ExprNode.TRUE));
    } else if (path instanceof KeyPath.IndexQuery iq) {
      return b.add(new FindPkByIndex(table.name(), iq.index().name(), iq.keyCondition(),
          ExprNode.TRUE));
    } else if (path instanceof KeyPath.PartitionQuery pq) {
      return b.add(new QueryPk(table.name(), table.primaryKey(), pq.keyCondition(),
          pq.residual()));
    } else if (path instanceof KeyPath.FullScan scan) {
      return b.add(new Scan(table.name(), table.primaryKey(), scan.filter()));
    }
    return keysOfBranches((KeyPath.AnyOf) path);
  }

  private int keysOfBranches(KeyPath.AnyOf any) {
    List<KeyPath> branches = any.branches();
    if (branches.stream().allMatch(p -> p instanceof KeyPath.PrimaryKeys)) {
      List<ExprNode.Record> keys = new ArrayList<>();
      branches.forEach(p -> keys.addAll(((KeyPath.PrimaryKeys) p).keys()));
      return b.add(new Const(keys, false, List.of()));
    }
    Integer sameIndex = orOnOneIndex(any);
    if (sameIndex != null) {
      return sameIndex;
    }
    List<Integer> inputs = new ArrayList<>();
    branches.forEach(p -> inputs.add(keys(p)));
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < table.primaryKey().size(); i++) {
      all.add(i);
    }
    return b.add(new Concat(inputs, all, false));
  }

  /** With OR allowed in key conditions, branches on one index share a single lookup. */
  private @Nullable Integer orOnOneIndex(KeyPath.AnyOf any) {
    if (!capability.orInIndexKeyCondition()) {
      return null;
    }
    String index = null;
    List<ExprNode> conditions = new ArrayList<>();
    for (KeyPath p : any.branches()) {
      if (!(p instanceof KeyPath.IndexLookup ix) || index != null
          && !index.equals(ix.index().name())) {
        return null;
      }
      index = ix.index().name();
      conditions.add(ix.keyCondition());
    }
    return b.add(
        new FindPkByIndex(table.name(), Objects.requireNonNull(index, "one branch at least"),
            new ExprNode.Or(conditions), ExprNode.TRUE));
  }

  private int filtered(int rows, ExprNode residual) {
    return residual.equals(ExprNode.TRUE) ? rows : b.add(new Filter(rows, residual));
  }

  /** What a write by key must still check: the filter beyond the key condition. */
  private static ExprNode guard(KeyPath path) {
    if (path instanceof KeyPath.PrimaryKeys pk) {
      return pk.residual();
    } else if (path instanceof KeyPath.IndexLookup ix) {
      return ix.residual();
    } else if (path instanceof KeyPath.IndexQuery iq) {
      return iq.residual();
    } else if (path instanceof KeyPath.PartitionQuery pq) {
      return pq.residual();
    } else if (path instanceof KeyPath.FullScan scan) {
      return scan.filter();
    }
    KeyPath.AnyOf any = (KeyPath.AnyOf) path;
    return hasResidual(any) ? any.filter() : ExprNode.TRUE;
  }

  private static boolean hasResidual(KeyPath.AnyOf any) {
    return any.branches().stream().anyMatch(p -> !guard(p).equals(ExprNode.TRUE));
  }

  /**
   * Rows of a filter holding subqueries ({@code x IN (SELECT ..)}, under NOT and OR too: relation
   * filters), as two steps: each subquery's values from its own table's key path, then the rows
   * of the filter's other conjuncts, kept where the whole filter holds ({@link SemiFilter});
   * -1 when the filter has no subquery. {@code EXISTS} and unlowered relations are refused.
   */
  private int semiFiltered(ExprNode filter) {
    List<ExprNode> plain = new ArrayList<>();
    List<ExprNode> semi = new ArrayList<>();
    for (ExprNode term : Conjuncts.of(filter)) {
      (Walk.hasSubquery(term) ? semi : plain).add(term);
    }
    if (semi.isEmpty()) {
      return -1;
    }
    ExprNode predicate = Conjuncts.and(semi);
    List<ExprNode.InSubquery> subqueries = new ArrayList<>();
    Walk.each(predicate, e -> {
      if (e instanceof ExprNode.InSubquery in) {
        subqueries.add(in);
      } else if (e instanceof ExprNode.Exists || e instanceof ExprNode.Related) {
        noSubqueries(e);
      }
    });
    List<Integer> values = new ArrayList<>();
    for (ExprNode.InSubquery in : subqueries) {
      values.add(subqueryValues(in.query()));
    }
    int rows = rows(SelectKeyPath.select(Conjuncts.and(plain), table,
        capability));
    return b.add(new SemiFilter(rows, predicate, subqueries, values));
  }

  /**
   * The records of {@code q}'s projected columns, read through its own table's key path; a
   * relation count's keys ({@code Returning.Grouped} by those columns) grouped as they stream by.
   */
  private int subqueryValues(Query q) {
    if (q.returning() instanceof Returning.Grouped g
        && g.exprs().stream().allMatch(e -> e instanceof ExprNode.Column)) {
      return new PlanKeyValue(schema, schema.table(PlanSql.table(q)), capability, b, model)
          .query(q);
    }
    if (!(q.returning() instanceof Returning.Project pr)
        || !pr.exprs().stream().allMatch(e -> e instanceof ExprNode.Column)) {
      noSubqueries(new ExprNode.InSubquery(ExprNode.NULL, q));
    }
    TableSchema t = schema.table(PlanSql.table(q));
    List<Integer> columns = new ArrayList<>();
    ((Returning.Project) q.returning()).exprs().forEach(e -> columns.add(((ExprNode.Column) e)
        .index()));
    Query all = new Query(q.source(), q.filter(), new Returning.Project(List.of()), List.of(),
        q.limit());
    int rows = new PlanKeyValue(schema, t, capability, b, model).query(all);
    return b.add(new ProjectRows(rows, columns));
  }

  private void noSubqueries(ExprNode filter) {
    if (Walk.hasSubquery(filter)) {
      throw new UnsupportedFeatureException(Feature.SUBQUERIES, capability.backend(), "filter "
          + table.name() + " by values instead");
    }
  }

  /** The columns a read of the query's rows asks for: all but the unread deferred ones. */
  private List<Integer> readColumns() {
    List<Integer> out = allColumns();
    out.removeAll(unread);
    return out;
  }

  /**
   * The rows of {@code read} (of {@link #readColumns()}) as rows of every column, NULL in the
   * unread ones, so that the nodes after it find each column where they look for it.
   */
  private int widened(int read) {
    return unread.isEmpty() ? read
        : b.add(new ProjectRows(read, UnreadColumns.widening(readColumns(),
            table.columns().size())));
  }

  /** Every column of the table, in a list its callers may change. */
  private List<Integer> allColumns() {
    return new ArrayList<>(firstPositions(table.columns().size()));
  }
}
