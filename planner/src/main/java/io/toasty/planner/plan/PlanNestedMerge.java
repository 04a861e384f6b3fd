package io.toasty.planner.plan;

import io.toasty.Feature;
import io.toasty.driver.Capability;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.planner.expr.Walk;
import io.toasty.planner.hir.Hir;
import io.toasty.planner.hir.HirMerge;
import io.toasty.planner.hir.HirStatement;
import io.toasty.planner.hir.JoinedColumn;
import io.toasty.planner.lower.RowLift;
import io.toasty.planner.plan.node.ExecStatement;
import io.toasty.planner.plan.node.KeyBinding;
import io.toasty.planner.plan.node.MergeBranch;
import io.toasty.planner.plan.node.NestedMerge;
import io.toasty.schema.Schema;
import io.toasty.schema.db.TableSchema;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.OrderBy;
import io.toasty.stmt.Query;
import io.toasty.stmt.Source;
import io.toasty.stmt.StatementNode;
import io.toasty.value.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Breaks the HIR's include cycles: the statements merged into a parent become the branches of a
 * {@link NestedMerge} over the parent's node, recursively for nested includes. On SQL each branch
 * is one query per window ({@code fk IN (window keys)}); on a key-value backend a branch whose
 * keys are the children's primary key reads them by key, one with a limit per parent in the
 * order of an index on the foreign key reads each parent's page from that index
 * ({@link LimitedIndexFetch}), one whose foreign key has an index of its own is the same
 * per-window query (which such a driver runs as index reads), and any other is refused.
 */
final class PlanNestedMerge {
  /** Parent rows per window: the child query's key list has at most this many entries. */
  static final int WINDOW = 500;

  private final Hir hir;
  private final Schema schema;
  private final Capability capability;

  private PlanNestedMerge(Hir hir, Schema schema, Capability capability) {
    this.hir = hir;
    this.schema = schema;
    this.capability = capability;
  }

  /** Whether {@code hir} merges any statement into another. */
  static boolean hasMerges(Hir hir) {
    return hir.statements().stream().anyMatch(s -> s.merge() != null);
  }

  /**
   * Wraps {@code node} (the plan of statement {@code statement}, fetching {@code fetched}) in a
   * {@link NestedMerge} of the statements merged into it; returns the node whose rows the
   * output lifts, and appends the merged slots' positions to {@code fetched}.
   */
  static int wrap(MirBuilder b, Hir hir, Schema schema, Capability capability, int statement,
      int node, List<Integer> fetched) {
    PlanNestedMerge p = new PlanNestedMerge(hir, schema, capability);
    List<HirStatement> children = p.children(statement);
    if (children.isEmpty()) {
      return node;
    }
    List<MergeBranch> branches = new ArrayList<>();
    for (HirStatement child : children) {
      branches.add(p.branch(child, fetched));
    }
    StatementNode parent = hir.statements().get(statement).statement();
    TableSchema table = schema.table(PlanSql.table(parent));
    for (int i = 0; i < children.size(); i++) {
      fetched.add(table.columns().size() + i);
    }
    return b.add(new NestedMerge(node, branches, WINDOW, ParentBound.of(parent, table)));
  }

  @SuppressWarnings("NullAway") // the statements kept have a merge
  private List<HirStatement> children(int parent) {
    List<HirStatement> out = new ArrayList<>();
    for (HirStatement s : hir.statements()) {
      if (s.merge() != null && s.merge().parent() == parent) {
        out.add(s);
      }
    }
    out.sort(Comparator.comparingInt(s -> s.merge().slot()));
    return out;
  }

  @SuppressWarnings("NullAway") // a child (children()) has a merge
  private MergeBranch branch(HirStatement child, List<Integer> parentFetched) {
    HirMerge m = child.merge();
    Query q = (Query) child.statement();
    TableSchema table = schema.table(PlanSql.table(q));
    MergeBranch.Fetch fetch = fetch(child, m, q, table);
    List<Integer> fetched = new ArrayList<>(fetch.fetched());
    List<Integer> childPositions = positions(m.childColumns(), fetched);
    List<Integer> sortPositions = positions(m.sortColumns(), fetched);
    List<HirStatement> grandchildren = children(child.id());
    List<MergeBranch> nested = new ArrayList<>();
    for (HirStatement g : grandchildren) {
      nested.add(branch(g, fetched));
    }
    for (int i = 0; i < grandchildren.size(); i++) {
      fetched.add(table.columns().size() + i);
    }
    RowLift lift = RowLift.of(m.outputs(), fetched);
    // Built as records from the driver's rows only where a SQL query reads them: a key-value
    // backend's rows come through the engine as values anyway.
    String model = capability.sql() && fetch instanceof MergeBranch.SqlFetch && nested.isEmpty()
        && !m.flatten() && lift.isPlain() ? m.model() : null;
    return new MergeBranch(m.relation(), fetch, positions(m.parentColumns(), parentFetched),
        childPositions, m.many(), m.flatten(), sortPositions, m.flatOrder(), lift, nested,
        model);
  }

  private MergeBranch.Fetch fetch(HirStatement child, HirMerge m, Query q, TableSchema table) {
    if (capability.sql()) {
      if (!capability.subqueries() && Walk.hasSubquery(q.filter())) {
        throw new UnsupportedFeatureException(Feature.SUBQUERIES, capability.backend(),
            "an include's filter on " + table.name() + " must compare values");
      }
      Source.Join join = ((Source.Table) q.source()).join();
      if (join != null) {
        // A many-to-many include's targets with their join rows: the keys restrict the join rows.
        TableSchema joined = schema.table(join.table());
        return new MergeBranch.SqlFetch(q, rowType(table, joined, ExecStatement.fetched(q)),
            new KeyBinding(-1, joined.name(), joinedColumns(m.childColumns())));
      }
      return new MergeBranch.SqlFetch(q, rowType(table, ExecStatement.fetched(q)),
          new KeyBinding(-1, table.name(), m.childColumns()));
    }
    List<Integer> keyPositions = KeyPositions.of(m.childColumns(), table.primaryKey());
    boolean byKey = keyPositions != null;
    boolean defaultOrder = q.orderBy().isEmpty() || isKeyOrder(q.orderBy(), table);
    boolean subquery = Walk.hasSubquery(q.filter());
    MergeBranch.IndexFetch limited = subquery || byKey ? null
        : LimitedIndexFetch.of(q, m.childColumns(), table);
    if (limited != null) {
      return limited;
    }
    if (!subquery && !byKey && KeyListIndex.covers(table, m.childColumns())) {
      // The key list goes to the backend as a query on the foreign key's own index: one index
      // read per key, then the items by key; its order is applied within the window, and a
      // limit per parent (partitioned by the foreign key) to each key's records.
      return new MergeBranch.SqlFetch(q, rowType(table, ExecStatement.fetched(q)),
          new KeyBinding(-1, table.name(), m.childColumns()));
    }
    if (q.limit() != null) {
      throw new UnsupportedFeatureException(Feature.INCLUDE_LIMIT, capability.backend(),
          "include of " + m.relation() + " with a limit per parent: this backend reads each "
          + "parent's records through an index on the foreign key, which " + table.name()
          + " has not; add @Index to its foreign key, or query each parent's records");
    }
    if (keyPositions == null || m.many() && !defaultOrder || subquery) {
      throw new UnsupportedFeatureException(Feature.INCLUDE, capability.backend(),
          "include of " + m.relation() + ": this backend preloads relations it can read by the "
          + "related record's key (belongs-to) or by an index on the foreign key (or its first field) alone; add "
          + "@Index to " + table.name() + "'s foreign key, or query it instead");
    }
    return new MergeBranch.KeyFetch(table.name(), ExecStatement.fetched(q), q.filter(),
        keyPositions);
  }

  private static boolean isKeyOrder(List<OrderBy> orderBy, TableSchema table) {
    if (orderBy.size() != table.primaryKey().size()) {
      return false;
    }
    for (int i = 0; i < orderBy.size(); i++) {
      if (!(orderBy.get(i).expr() instanceof ExprNode.Column c)
          || c.index() != table.primaryKey().get(i)) {
        return false;
      }
    }
    return true;
  }

  private static List<Type> rowType(TableSchema table, TableSchema joined,
      List<Integer> columns) {
    List<Type> out = new ArrayList<>(columns.size());
    for (int c : columns) {
      out.add(JoinedColumn.isJoined(c) ? joined.column(JoinedColumn.column(c)).type()
          : table.column(c).type());
    }
    return out;
  }

  private static List<Integer> joinedColumns(List<Integer> numbers) {
    List<Integer> out = new ArrayList<>(numbers.size());
    numbers.forEach(n -> out.add(JoinedColumn.column(n)));
    return out;
  }

  private static List<Type> rowType(TableSchema table, List<Integer> columns) {
    List<Type> out = new ArrayList<>(columns.size());
    columns.forEach(c -> out.add(table.column(c).type()));
    return out;
  }

  private static List<Integer> positions(List<Integer> columns, List<Integer> fetched) {
    List<Integer> out = new ArrayList<>(columns.size());
    for (int c : columns) {
      int at = fetched.indexOf(c);
      if (at < 0) {
        throw new IllegalStateException("merge column " + c + " is not fetched: " + fetched);
      }
      out.add(at);
    }
    return out;
  }
}
