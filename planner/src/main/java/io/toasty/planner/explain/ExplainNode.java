package io.toasty.planner.explain;

import io.toasty.planner.action.Action;
import io.toasty.planner.action.AggregateSlotAction;
import io.toasty.planner.action.AtomicWriteAction;
import io.toasty.planner.action.ConcatAction;
import io.toasty.planner.action.ConstAction;
import io.toasty.planner.action.CountReadAction;
import io.toasty.planner.action.CountRowsAction;
import io.toasty.planner.action.DeleteByKeyAction;
import io.toasty.planner.action.ExecStatementAction;
import io.toasty.planner.action.FilterAction;
import io.toasty.planner.action.FindPkByIndexAction;
import io.toasty.planner.action.GetByKeyAction;
import io.toasty.planner.action.GroupRowsAction;
import io.toasty.planner.action.JoinAggregateAction;
import io.toasty.planner.action.LimitAction;
import io.toasty.planner.action.NestCreatedAction;
import io.toasty.planner.action.NestedMergeAction;
import io.toasty.planner.action.ProjectRowsAction;
import io.toasty.planner.action.QueryPkAction;
import io.toasty.planner.action.ScanAction;
import io.toasty.planner.action.SemiFilterAction;
import io.toasty.planner.action.SortRowsAction;
import io.toasty.planner.action.UpdateByKeyAction;
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
import io.toasty.planner.plan.node.KeyBinding;
import io.toasty.planner.plan.node.LimitRows;
import io.toasty.planner.plan.node.MergeBranch;
import io.toasty.planner.plan.node.MirNode;
import io.toasty.planner.plan.node.NestCreated;
import io.toasty.planner.plan.node.NestedMerge;
import io.toasty.planner.plan.node.ProjectRows;
import io.toasty.planner.plan.node.QueryPk;
import io.toasty.planner.plan.node.Scan;
import io.toasty.planner.plan.node.SemiFilter;
import io.toasty.planner.plan.node.SortRows;
import io.toasty.planner.plan.node.UpdateByKey;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.OrderBy;
import io.toasty.stmt.Query;
import io.toasty.stmt.StatementNode;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One-line renderings of MIR nodes ({@code %n}) and actions ({@code $n}). */
final class ExplainNode {
  private final ExplainExpr x;
  private final ExplainStatement st;

  private final boolean sql;

  /** Renders with {@code sql} true for a backend that runs SQL (as the plans were made). */
  ExplainNode(ExplainExpr x, ExplainStatement st, boolean sql) {
    this.x = x;
    this.st = st;
    this.sql = sql;
  }

  String node(MirNode n) {
    String body = nodeBody(n, "%");
    return n.after().isEmpty() ? body : body + "  after " + refs("%", n.after());
  }

  private String nodeBody(MirNode n, String p) {
    if (n instanceof ExecStatement s) {
      return exec(s.isInsert(), s.statement(), s.keys(), p);
    } else if (n instanceof GetByKey g) {
      return getByKey(g.table(), g.keys(), g.columns(), p);
    } else if (n instanceof FindPkByIndex f) {
      return findPk(f.table(), f.index(), f.keyCondition(), f.filter(), f.columns())
          + (f.forward() ? "" : " descending");
    } else if (n instanceof QueryPk q) {
      return queryPk(q.table(), q.columns(), q.keyCondition(), q.filter())
          + (q.forward() ? "" : " descending");
    } else if (n instanceof Scan s) {
      return scan(s.table(), s.columns(), s.filter());
    } else if (n instanceof UpdateByKey u) {
      return "UpdateByKey " + u.table() + " keys " + p + u.keys() + " SET " + u.assignments()
          .size() + " column(s)" + filter(u.filter()) + (u.returning() ? " returning row" : "");
    } else if (n instanceof DeleteByKey d) {
      return "DeleteByKey " + d.table() + " keys " + p + d.keys() + filter(d.filter());
    }
    return memory(n, p);
  }

  private String memory(MirNode n, String p) {
    if (n instanceof NestedMerge m) {
      return nestedMerge(m.parent(), m.branches(), m.window(), m.parents(), p);
    }
    if (n instanceof Filter f) {
      return "Filter " + p + f.input() + " where " + x.expr(f.predicate());
    } else if (n instanceof LimitRows l) {
      return limit(l.input(), l.count(), l.offset(), p);
    } else if (n instanceof Concat c) {
      return concat(c.inputs(), c.distinctKey(), c.counts(), p);
    } else if (n instanceof CountRows c) {
      return "CountRows " + p + c.input() + " (in memory, streaming: one running count)";
    } else if (n instanceof GroupRows g) {
      return "GroupRows " + p + g.input() + " " + st.returning(g.grouped())
          + " (in memory, streaming: one accumulator per aggregate per group)";
    } else if (n instanceof AtomicWrite w) {
      List<String> parts = new ArrayList<>();
      w.writes().forEach(m -> parts.add(nodeBody(m, p)));
      return "AtomicWrite [" + String.join("; ", parts) + "] (one all-or-nothing request)";
    } else if (n instanceof SemiFilter f) {
      return "SemiFilter " + p + f.input() + " where " + x.expr(f.predicate()) + ", subqueries "
          + "from " + refs(p, f.values()) + " (in memory, after the reads)";
    } else if (n instanceof ProjectRows pr) {
      return "ProjectRows " + p + pr.input() + " positions " + pr.positions();
    } else if (n instanceof AggregateSlot a) {
      return "AggregateSlot " + p + a.input() + " position " + a.position() + ": "
          + a.aggregate().op() + " of the " + (a.distinctRecords() ? "distinct " : "")
          + "related records there (in memory, streaming: "
          + (isCount(a.aggregate().op()) ? "0" : "NULL") + " without related records)";
    } else if (n instanceof JoinAggregate j) {
      return "JoinAggregate " + p + j.input() + " positions " + j.keyPositions() + " with "
          + j.op() + " of " + p + j.groups() + " (in memory, after the reads: "
          + (isCount(j.op()) ? "0" : "NULL") + " without related records)";
    } else if (n instanceof NestCreated nc) {
      return nestCreated(nc.root(), nc.parts(), p);
    } else if (n instanceof SortRows s) {
      return "SortRows " + p + s.input() + " by " + orderBy(s.orderBy())
          + " (in memory, after the read: at most " + s.maxRows() + " rows)";
    } else if (n instanceof CountRead c) {
      return "Count of " + nodeBody(c.read(), p) + " (counted by the backend, no row returned)";
    }
    Const c = (Const) n;
    return constant(c.rows(), c.count());
  }

  String action(Action a) {
    if (a instanceof ExecStatementAction s) {
      return exec(s.isInsert(), s.statement(), s.keys(), "$");
    } else if (a instanceof GetByKeyAction g) {
      return getByKey(g.table(), g.keys(), g.columns(), "$") .replaceFirst("GetByKey",
          "GetByKeyAction");
    } else if (a instanceof FindPkByIndexAction f) {
      return "FindPkByIndexAction " + f.index() + " where " + x.expr(f.keyCondition())
          + (f.forward() ? "" : " descending");
    } else if (a instanceof QueryPkAction q) {
      return "QueryPkAction " + q.table() + " where " + x.expr(q.keyCondition())
          + filter(q.filter()) + (q.forward() ? "" : " descending");
    } else if (a instanceof ScanAction s) {
      return "ScanAction " + s.table() + filter(s.filter());
    } else if (a instanceof UpdateByKeyAction u) {
      return "UpdateByKeyAction " + u.table() + " keys $" + u.keys();
    } else if (a instanceof DeleteByKeyAction d) {
      return "DeleteByKeyAction " + d.table() + " keys $" + d.keys();
    } else if (a instanceof FilterAction f) {
      return "FilterAction $" + f.input();
    } else if (a instanceof LimitAction l) {
      return "LimitAction $" + l.input();
    } else if (a instanceof ConcatAction c) {
      return "ConcatAction " + refs("$", c.inputs()) + (c.counts() ? " (sum)" : "");
    } else if (a instanceof CountRowsAction c) {
      return "CountRowsAction $" + c.input();
    } else if (a instanceof GroupRowsAction g) {
      return "GroupRowsAction $" + g.input();
    } else if (a instanceof AtomicWriteAction w) {
      List<String> parts = new ArrayList<>();
      w.writes().forEach(m -> parts.add(action(m)));
      return "AtomicWriteAction [" + String.join("; ", parts) + "]";
    } else if (a instanceof SemiFilterAction f) {
      return "SemiFilterAction $" + f.input() + " with " + refs("$", f.values());
    } else if (a instanceof AggregateSlotAction s) {
      return "AggregateSlotAction $" + s.input();
    } else if (a instanceof JoinAggregateAction j) {
      return "JoinAggregateAction $" + j.input() + " with $" + j.groups();
    } else if (a instanceof ProjectRowsAction pr) {
      return "ProjectRowsAction $" + pr.input();
    } else if (a instanceof NestCreatedAction nc) {
      return nestCreated(nc.root(), nc.parts(), "$").replaceFirst("NestCreated",
          "NestCreatedAction");
    } else if (a instanceof SortRowsAction s) {
      return "SortRowsAction $" + s.input();
    } else if (a instanceof CountReadAction c) {
      return "CountReadAction of " + action(c.read());
    } else if (a instanceof NestedMergeAction m) {
      return nestedMerge(m.input(), m.branches(), m.window(), m.parents(), "$")
          .replaceFirst("NestedMerge", "NestedMergeAction");
    }
    return "ConstAction " + ((ConstAction) a).rows().size() + " row(s)";
  }

  private static boolean isCount(ExprNode.AggOp op) {
    return op == ExprNode.AggOp.COUNT || op == ExprNode.AggOp.COUNT_ALL;
  }

  /** Which rows go where in a nested create's returned records. */
  private static String nestCreated(int root, List<NestCreated.Part> parts,
      String p) {
    StringBuilder out = new StringBuilder("NestCreated " + p + parts.get(root).input());
    for (NestCreated.Part part : parts) {
      if (part.parent() >= 0) {
        out.append(", ").append(p).append(part.input()).append(" into ").append(p)
            .append(parts.get(part.parent()).input()).append(" row ").append(part.row())
            .append(" slot ").append(part.slot())
            .append(part.flatten() < 0 ? "" : " (their slot " + part.flatten() + ")");
      }
    }
    return out.append(" (in memory, from the rows the inserts returned)").toString();
  }

  /** The merge and its branches, nested branches indented under theirs. */
  private String nestedMerge(int input, List<MergeBranch> branches, int window,
      @Nullable ExprNode parents, String p) {
    StringBuilder out = new StringBuilder("NestedMerge " + p + input + " in windows of " + window
        + " rows" + (parents == null ? "" : ", at most " + x.expr(parents) + " parents (when "
        + "that fits one window, the children are read after them on their connection)")
        + "; branches run concurrently:");
    branches(out, branches, 1);
    return out.toString();
  }

  private void branches(StringBuilder out, List<MergeBranch> branches, int depth) {
    for (int i = 0; i < branches.size(); i++) {
      MergeBranch b = branches.get(i);
      String indent = "\n   " + "    ".repeat(depth);
      out.append(indent).append("slot ").append(i).append(' ').append(b.relation())
          .append(b.many() ? " (many" : " (one").append(b.flatten() ? ", flattened)" : ")")
          .append(" on parent row ").append(b.parentPositions()).append(" = child row ")
          .append(b.childPositions())
          .append(b.sortPositions().isEmpty() ? "" : ", sorted by child row " + b.sortPositions())
          .append(b.flatOrder().isEmpty() ? "" : ", then by " + orderBy(b.flatOrder())
              + " of the flattened records")
          .append(": ");
      if (b.fetch() instanceof MergeBranch.SqlFetch f) {
        out.append("QuerySql ").append(st.statement(f.statement())).append("  + (")
            .append(x.columns(f.keys().table(), f.keys().columns())).append(") IN window keys")
            .append(sql || !perParent(f.statement()) ? "" : " (a limit per parent: each "
                + "parent's records read whole through the index, sorted and cut in memory)");
      } else if (b.fetch() instanceof MergeBranch.IndexFetch f) {
        out.append(indexFetch(f));
      } else {
        MergeBranch.KeyFetch k = (MergeBranch.KeyFetch) b.fetch();
        out.append("GetByKey ").append(k.table()).append(" keys from the window")
            .append(filter(k.residual()));
      }
      branches(out, b.nested(), depth + 1);
    }
  }

  /** A limit per parent read from an index in its order, each parent's page apart. */
  private String indexFetch(MergeBranch.IndexFetch f) {
    return "FindPkByIndex " + f.table() + "." + f.index() + " where "
        + x.columns(f.table(), List.of(f.keyColumn())) + " = each window key"
        + (f.forward() ? "" : " descending") + ", Limit " + (f.offset() == null ? ""
        : x.expr(f.offset()) + " + ") + x.expr(f.count()) + " per parent (its records beyond "
        + "the limit never read), then GetByKey " + f.table() + " columns ("
        + x.columns(f.table(), f.columns()) + ")";
  }

  /** Whether {@code s} is a query with a limit per partition (an include's, per parent). */
  private static boolean perParent(StatementNode s) {
    return s instanceof Query q && q.limit() != null
        && !q.limit().partitionBy().isEmpty();
  }

  private String exec(boolean insert, StatementNode s, @Nullable KeyBinding keys, String p) {
    String op = insert ? "Insert" : "QuerySql";
    String bound = keys == null ? "" : "  + key IN " + p + keys.input();
    return (p.equals("$") ? "ExecStatementAction " : "ExecStatement ") + op + ": "
        + st.statement(s) + bound;
  }

  private String getByKey(String table, int keys, List<Integer> columns, String p) {
    return "GetByKey " + table + " keys " + p + keys + " columns (" + x.columns(table, columns)
        + ")";
  }

  private String findPk(
      String table, String index, ExprNode key, ExprNode f, List<Integer> columns) {
    return "FindPkByIndex " + table + "." + index + " where " + x.expr(key) + filter(f)
        + (columns.isEmpty() ? "" : " items from the index (eventually consistent) columns ("
        + x.columns(table, columns) + ")");
  }

  private String queryPk(String table, List<Integer> columns, ExprNode key, ExprNode f) {
    return "QueryPk " + table + " where " + x.expr(key) + filter(f) + " columns ("
        + x.columns(table, columns) + ")";
  }

  private String scan(String table, List<Integer> columns, ExprNode f) {
    return "Scan " + table + filter(f) + " columns (" + x.columns(table, columns) + ")";
  }

  private String limit(int input, ExprNode count, @Nullable ExprNode offset, String p) {
    return "Limit " + p + input + " count " + x.expr(count)
        + (offset == null ? "" : " offset " + x.expr(offset));
  }

  private String concat(List<Integer> inputs, List<Integer> distinct, boolean counts, String p) {
    return "Concat " + refs(p, inputs) + (counts ? " (sum of counts)" : "")
        + (distinct.isEmpty() ? "" : " distinct by row positions " + distinct);
  }

  private String constant(List<ExprNode.Record> rows, boolean count) {
    if (rows.isEmpty()) {
      return "Const (no rows)";
    }
    return "Const " + (count ? "count " : "") + x.list(rows);
  }

  private String filter(ExprNode f) {
    return f.equals(ExprNode.TRUE) ? "" : " filter " + x.expr(f);
  }

  static String refs(String p, List<Integer> ids) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < ids.size(); i++) {
      out.append(i == 0 ? "" : ", ").append(p).append(ids.get(i));
    }
    return out.toString();
  }

  private String orderBy(List<OrderBy> orderBy) {
    List<String> terms = new ArrayList<>();
    orderBy.forEach(o -> terms.add(x.expr(o.expr()) + " " + o.direction()));
    return String.join(", ", terms);
  }
}
