package io.toasty.planner.action;

import io.toasty.driver.Capability;
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
import io.toasty.planner.plan.node.MirNode;
import io.toasty.planner.plan.node.NestCreated;
import io.toasty.planner.plan.node.NestedMerge;
import io.toasty.planner.plan.node.ProjectRows;
import io.toasty.planner.plan.node.QueryPk;
import io.toasty.planner.plan.node.Scan;
import io.toasty.planner.plan.node.SemiFilter;
import io.toasty.planner.plan.node.SortRows;
import io.toasty.planner.plan.node.UpdateByKey;
import java.util.ArrayList;
import java.util.List;

/**
 * Execution planning: each MIR node becomes the action of the same name, writing variable
 * {@code $i} for node {@code i}. Counts readers per variable (its lifetime), marks the variables
 * that stream into the result, and decides whether a transaction is needed: more than one
 * mutation, or a mutation among several operations, on a backend with interactive transactions.
 */
public final class PlanActions {
  private PlanActions() {}

  /** The action plan of {@code mir}. */
  public static ActionPlan plan(Mir mir, Capability capability) {
    List<MirNode> nodes = mir.nodes();
    int[] readers = new int[nodes.size()];
    for (MirNode n : nodes) {
      n.inputs().forEach(i -> readers[i]++);
    }
    boolean[] streams = streams(mir, readers);
    if (!streams[mir.root()]) {
      readers[mir.root()]++; // stored, and read once more as the result
    }
    List<Action> actions = new ArrayList<>(nodes.size());
    List<Var> vars = new ArrayList<>(nodes.size());
    for (int i = 0; i < nodes.size(); i++) {
      actions.add(action(i, nodes.get(i), capability));
      vars.add(new Var(i, readers[i], streams[i], nodes.get(i).isCount()));
    }
    return new ActionPlan(actions, vars, mir.root(), mir.output(),
        transaction(nodes, capability));
  }

  /**
   * The result, inputs read only by a streaming in-memory step that itself streams, and the input
   * of a stored row-by-row step (a filter, limit, sort or projection) read by it alone and
   * planned just before it: the step is stored as it pulls from its input, so that a limit's
   * cancel stops the read there (an index page's rows, read again by key, take a page of the
   * index, not the index value whole). Planned just before: no other action runs in between, so
   * the operations keep their order.
   */
  private static boolean[] streams(Mir mir, int[] readers) {
    boolean[] streams = new boolean[mir.nodes().size()];
    // The result streams out, unless other actions read it too (a nested create's children
    // read its keys): then it is stored and handed out at the end.
    streams[mir.root()] = readers[mir.root()] == 0;
    for (int i = mir.nodes().size() - 1; i >= 0; i--) {
      MirNode n = mir.nodes().get(i);
      if (!streams[i]) {
        pullsFromThePrevious(n, i, readers, streams);
        continue;
      }
      if (!(n instanceof Filter || n instanceof LimitRows || n instanceof Concat
          || n instanceof NestedMerge || n instanceof CountRows || n instanceof GroupRows
          || n instanceof SortRows || n instanceof ProjectRows || n instanceof SemiFilter
          || n instanceof JoinAggregate || n instanceof AggregateSlot)) {
        continue;
      }
      // a semi-filter's subquery values and a joined aggregate's groups are read to the end
      // first: only their rows stream
      for (int input : streamed(n)) {
        streams[input] = readers[input] == 1;
      }
    }
    return streams;
  }

  private static List<Integer> streamed(MirNode n) {
    if (n instanceof SemiFilter f) {
      return List.of(f.input());
    }
    return n instanceof JoinAggregate j ? List.of(j.input()) : n.inputs();
  }

  /** Marks the input of stored step {@code n} (node {@code i}) streaming where it may pull. */
  private static void pullsFromThePrevious(MirNode n, int i, int[] readers, boolean[] streams) {
    if (!(n instanceof Filter || n instanceof LimitRows || n instanceof SortRows
        || n instanceof ProjectRows)) {
      return;
    }
    int input = n.inputs().get(0);
    if (input == i - 1 && readers[input] == 1) {
      streams[input] = true;
    }
  }

  private static boolean transaction(List<MirNode> nodes, Capability capability) {
    long mutations = nodes.stream().filter(MirNode::isMutation).count();
    long operations = nodes.stream().filter(MirNode::isOperation).count();
    return capability.interactiveTransactions()
        && (mutations > 1 || mutations == 1 && operations > 1);
  }

  private static Action action(int out, MirNode n, Capability capability) {
    if (n instanceof ExecStatement s) {
      return new ExecStatementAction(out, s.statement(), s.rowType(), s.keys(), s.bindings());
    } else if (n instanceof GetByKey g) {
      return new GetByKeyAction(out, g.keys(), g.table(), g.columns());
    } else if (n instanceof FindPkByIndex f) {
      return new FindPkByIndexAction(out, f.table(), f.index(), f.keyCondition(), f.filter(),
          f.columns(), f.forward(), f.pageSize());
    } else if (n instanceof QueryPk q) {
      return new QueryPkAction(out, q.table(), q.columns(), q.keyCondition(), q.filter(),
          q.forward(), q.pageSize());
    } else if (n instanceof Scan s) {
      return new ScanAction(out, s.table(), s.columns(), s.filter());
    } else if (n instanceof UpdateByKey u) {
      return new UpdateByKeyAction(out, u.keys(), u.table(), u.assignments(), u.filter(),
          u.returning(), u.columns());
    } else if (n instanceof DeleteByKey d) {
      return new DeleteByKeyAction(out, d.keys(), d.table(), d.filter());
    } else if (n instanceof Filter f) {
      return new FilterAction(out, f.input(), f.predicate());
    } else if (n instanceof LimitRows l) {
      return new LimitAction(out, l.input(), l.count(), l.offset());
    } else if (n instanceof Concat c) {
      return new ConcatAction(out, c.inputs(), c.distinctKey(), c.counts());
    } else if (n instanceof NestedMerge m) {
      return new NestedMergeAction(out, m.parent(), m.branches(), m.window(), m.parents());
    } else if (n instanceof CountRows c) {
      return new CountRowsAction(out, c.input());
    } else if (n instanceof CountRead c) {
      return new CountReadAction(out, action(out, c.read(), capability));
    } else if (n instanceof GroupRows g) {
      return new GroupRowsAction(out, g.input(), g.grouped());
    } else if (n instanceof AtomicWrite w) {
      List<Action> writes = new ArrayList<>();
      w.writes().forEach(m -> writes.add(action(out, m, capability)));
      return new AtomicWriteAction(out, writes);
    } else if (n instanceof SemiFilter f) {
      return new SemiFilterAction(out, f.input(), f.predicate(), f.subqueries(), f.values());
    } else if (n instanceof AggregateSlot a) {
      return new AggregateSlotAction(out, a.input(), a.position(), a.aggregate(),
          a.distinctRecords());
    } else if (n instanceof JoinAggregate j) {
      return new JoinAggregateAction(out, j.input(), j.groups(), j.keyPositions(), j.op());
    } else if (n instanceof NestCreated nc) {
      return new NestCreatedAction(out, nc.root(), nc.parts());
    } else if (n instanceof ProjectRows pr) {
      return new ProjectRowsAction(out, pr.input(), pr.positions());
    } else if (n instanceof SortRows s) {
      return new SortRowsAction(out, s.input(), s.orderBy(), s.model(), capability.backend(),
          s.maxRows(), s.presorted());
    }
    Const c = (Const) n;
    return new ConstAction(out, c.rows());
  }
}
