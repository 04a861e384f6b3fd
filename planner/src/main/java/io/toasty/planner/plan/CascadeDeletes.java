package io.toasty.planner.plan;

import io.toasty.Feature;
import io.toasty.driver.Capability;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.planner.hir.Hir;
import io.toasty.planner.hir.HirDep;
import io.toasty.planner.hir.HirStatement;
import io.toasty.planner.plan.node.AtomicWrite;
import io.toasty.planner.plan.node.DeleteByKey;
import io.toasty.planner.plan.node.ExecStatement;
import io.toasty.planner.plan.node.KeyBinding;
import io.toasty.planner.plan.node.LimitRows;
import io.toasty.planner.plan.node.Mir;
import io.toasty.planner.plan.node.MirNode;
import io.toasty.planner.plan.node.ProjectRows;
import io.toasty.planner.plan.node.UpdateByKey;
import io.toasty.schema.Schema;
import io.toasty.schema.db.TableSchema;
import io.toasty.stmt.DeleteNode;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.stmt.StatementNode;
import io.toasty.stmt.UpdateNode;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * A delete that cascades, on a key-value backend: lowered the keys way (the doomed records read
 * first, then the records pointing at them, level by level), it reads the parents' keys, then
 * each level's keys through the index on its foreign key (a query of that index per key), and
 * writes every delete and unlink in one {@link AtomicWrite}, all or nothing. The count is the
 * top-level delete's. A foreign key with no index of its own is refused
 * ({@link Feature#CASCADING_DELETE}); a cascade of more items than one atomic write takes is
 * refused by the driver before its request ({@link Feature#TRANSACTION_SIZE}), after the reads.
 */
final class CascadeDeletes {
  private final Schema schema;
  private final Capability capability;
  private final MirBuilder b = new MirBuilder();
  /** Per HIR query: the node of its rows' primary keys, in key order. */
  private final Map<Integer, Integer> keysOf = new HashMap<>();

  /** The plan node holding the keys of statement {@code id}, planned before its dependents. */
  private int keysOf(int id) {
    return Objects.requireNonNull(keysOf.get(id), "keys planned first");
  }

  private CascadeDeletes(Schema schema, Capability capability) {
    this.schema = schema;
    this.capability = capability;
  }

  /** Whether {@code hir} is a delete cascaded the keys way: queries, then unlinks and deletes. */
  static boolean of(Hir hir) {
    if (hir.result() < 0 || !(hir.statements().get(hir.result()).statement() instanceof DeleteNode)
        || !(hir.statements().get(0).statement() instanceof Query)) {
      return false;
    }
    for (HirStatement h : hir.statements()) {
      boolean keyed = h.deps().stream().anyMatch(d -> d.kind() == HirDep.Kind.KEYS);
      if (h.merge() != null || !h.bindings().isEmpty() || h.id() > 0 && !keyed
          || !(h.statement() instanceof Query || h.statement() instanceof UpdateNode
              || h.statement() instanceof DeleteNode)) {
        return false;
      }
    }
    return true;
  }

  static Mir plan(Hir hir, Schema schema, Capability capability,
      BiFunction<MirBuilder, Query, Integer> rows) {
    CascadeDeletes c = new CascadeDeletes(schema, capability);
    List<MirNode> writes = new ArrayList<>();
    for (HirStatement h : hir.statements()) {
      if (h.id() == 0) {
        Query q = (Query) h.statement();
        TableSchema t = schema.table(PlanSql.table(q));
        c.keysOf.put(0, c.b.add(new ProjectRows(rows.apply(c.b, q), t.primaryKey())));
      } else if (h.statement() instanceof Query q) {
        c.keysOf.put(h.id(), c.pointing(hir, q, keyDep(h)));
      } else if (h.statement() instanceof UpdateNode u) {
        int keys = c.pointing(hir, u, keyDep(h));
        writes.add(new UpdateByKey(keys, PlanSql.table(u), u.assignments(), ExprNode.TRUE, false,
            List.of()));
      } else {
        DeleteNode d = (DeleteNode) h.statement();
        writes.add(new DeleteByKey(c.keysOf(keyDep(h).statement()), PlanSql.table(d),
            ExprNode.TRUE));
      }
    }
    int atomic = c.b.add(new AtomicWrite(writes));
    // the top-level delete is the last write: its count is the result
    int last = c.b.add(new LimitRows(atomic, count(1), count(writes.size() - 1)));
    return c.b.build(last, Plan.output(hir.output(), List.of()));
  }

  /**
   * The primary keys of the records of {@code s}'s table whose foreign key ({@code dep}'s
   * columns) holds a key of the records {@code dep} points at: a query of the foreign key's own
   * index per parent key.
   */
  private int pointing(Hir hir, StatementNode s, HirDep dep) {
    TableSchema t = schema.table(PlanSql.table(s));
    if (!KeyListIndex.covers(t, dep.columns())) {
      throw new UnsupportedFeatureException(Feature.CASCADING_DELETE, capability.backend(),
          "deleting " + hir.model() + " deletes or unlinks the records of " + t.name()
          + " pointing at it, found through an index on their foreign key, which has none: add "
          + "@Index to the foreign key, or delete or unlink those records first");
    }
    HirStatement parent = hir.statements().get(dep.statement());
    List<Integer> parentKey = schema.table(PlanSql.table(parent.statement())).primaryKey();
    List<Integer> positions = new ArrayList<>();
    for (int p : dep.positions()) {
      int at = parentKey.indexOf(p);
      if (at < 0) {
        throw new UnsupportedFeatureException(Feature.CASCADING_DELETE, capability.backend(),
            t.name() + " points at a field of " + hir.model() + " other than its key");
      }
      positions.add(at);
    }
    List<ExprNode> pk = new ArrayList<>();
    List<Type> types = new ArrayList<>();
    for (int c : t.primaryKey()) {
      pk.add(new ExprNode.Column(t.name(), c));
      types.add(t.column(c).type());
    }
    Query children = new Query(new Source.Table(t.name()), ExprNode.TRUE, new Returning.Project(pk),
        List.of(), null);
    return b.add(new ExecStatement(children, types, new KeyBinding(keysOf(dep.statement()),
        t.name(), dep.columns(), positions), List.of()));
  }

  private static HirDep keyDep(HirStatement h) {
    return h.deps().stream().filter(d -> d.kind() == HirDep.Kind.KEYS).findFirst()
        .orElseThrow();
  }

  private static ExprNode count(long n) {
    return new ExprNode.Const(new Value.I64(n));
  }
}
