package io.toasty.reactive.exec;

import io.toasty.planner.expr.Conjuncts;
import io.toasty.planner.plan.node.KeyBinding;
import io.toasty.stmt.DeleteNode;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.StatementNode;
import io.toasty.stmt.UpdateNode;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Restricts a table-level statement to a list of primary keys known only at execution: its filter
 * becomes {@code filter AND key IN ($n, $n+1, ...)} (a tuple IN for composite keys), with the key
 * values appended to the arguments.
 */
final class KeyFilter {
  private KeyFilter() {}

  /** The restricted statement and its arguments. */
  record Bound(StatementNode statement, List<Value> args) {}

  static Bound bind(
      StatementNode s, KeyBinding binding, List<Value.Record> keys, List<Value> args) {
    List<Value> all = new ArrayList<>(args.size() + keys.size() * binding.columns().size());
    all.addAll(args);
    List<ExprNode> items = new ArrayList<>(keys.size());
    for (Value.Record key : keys) {
      if (key.size() == 1) { // a one-column key is its one marker, with no record around it
        all.add(key.get(0));
        items.add(new ExprNode.Arg(all.size() - 1));
        continue;
      }
      List<ExprNode> parts = new ArrayList<>(key.size());
      for (Value v : key.fields()) {
        all.add(v);
        parts.add(new ExprNode.Arg(all.size() - 1));
      }
      items.add(parts.size() == 1 ? parts.get(0) : new ExprNode.Record(parts));
    }
    List<ExprNode> columns = new ArrayList<>();
    binding.columns().forEach(c -> columns.add(new ExprNode.Column(binding.table(), c)));
    ExprNode operand = columns.size() == 1 ? columns.get(0) : new ExprNode.Record(columns);
    return new Bound(withKeys(s, new ExprNode.InList(operand, items)), all);
  }

  private static StatementNode withKeys(StatementNode s, ExprNode keys) {
    if (s instanceof Query q) {
      return q.withFilter(and(q.filter(), keys));
    } else if (s instanceof UpdateNode u) {
      return new UpdateNode(u.target(), and(u.filter(), keys), u.assignments(), u.returning());
    }
    DeleteNode d = (DeleteNode) s;
    return new DeleteNode(d.from(), and(d.filter(), keys), d.returning());
  }

  private static ExprNode and(ExprNode filter, ExprNode keys) {
    List<ExprNode> terms = new ArrayList<>(Conjuncts.of(filter));
    terms.add(keys);
    return Conjuncts.and(terms);
  }
}
