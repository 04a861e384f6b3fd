package io.toasty.reactive.exec;

import io.toasty.planner.expr.Conjuncts;
import io.toasty.planner.plan.KeyBinding;
import io.toasty.stmt.Delete;
import io.toasty.stmt.Expr;
import io.toasty.stmt.Query;
import io.toasty.stmt.Statement;
import io.toasty.stmt.Update;
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
  record Bound(Statement statement, List<Value> args) {}

  static Bound bind(Statement s, KeyBinding binding, List<Value.Record> keys, List<Value> args) {
    List<Value> all = new ArrayList<>(args.size() + keys.size() * binding.columns().size());
    all.addAll(args);
    List<Expr> items = new ArrayList<>(keys.size());
    for (Value.Record key : keys) {
      if (key.size() == 1) { // a one-column key is its one marker, with no record around it
        all.add(key.get(0));
        items.add(new Expr.Arg(all.size() - 1));
        continue;
      }
      List<Expr> parts = new ArrayList<>(key.size());
      for (Value v : key.fields()) {
        all.add(v);
        parts.add(new Expr.Arg(all.size() - 1));
      }
      items.add(parts.size() == 1 ? parts.get(0) : new Expr.Record(parts));
    }
    List<Expr> columns = new ArrayList<>();
    binding.columns().forEach(c -> columns.add(new Expr.Column(binding.table(), c)));
    Expr operand = columns.size() == 1 ? columns.get(0) : new Expr.Record(columns);
    return new Bound(withKeys(s, new Expr.InList(operand, items)), all);
  }

  private static Statement withKeys(Statement s, Expr keys) {
    if (s instanceof Query q) {
      return q.withFilter(and(q.filter(), keys));
    } else if (s instanceof Update u) {
      return new Update(u.target(), and(u.filter(), keys), u.assignments(), u.returning());
    }
    Delete d = (Delete) s;
    return new Delete(d.from(), and(d.filter(), keys), d.returning());
  }

  private static Expr and(Expr filter, Expr keys) {
    List<Expr> terms = new ArrayList<>(Conjuncts.of(filter));
    terms.add(keys);
    return Conjuncts.and(terms);
  }
}
