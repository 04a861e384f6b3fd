package io.toasty.reactive.exec;

import io.toasty.planner.action.SemiFilterAction;
import io.toasty.planner.eval.Eval;
import io.toasty.planner.expr.Children;
import io.toasty.stmt.ExprNode;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;

/**
 * Runs a {@link SemiFilterAction}: reads each subquery's values, puts them in the predicate as an
 * {@code IN} list of constants (so NULLs and NOT keep SQL's meaning), then filters the input
 * rows as they stream.
 */
final class SemiFilterExec {
  private SemiFilterExec() {}

  static Flux<Value.Record> run(SemiFilterAction a, ExecContext cx, Inputs in) {
    return Flux.fromIterable(a.values()).concatMap(v -> in.of(v).collectList(), 1)
        .collectList()
        .flatMapMany(lists -> {
          Map<ExprNode, ExprNode> lists0 = new IdentityHashMap<>();
          for (int i = 0; i < lists.size(); i++) {
            ExprNode.InSubquery s = a.subqueries().get(i);
            lists0.put(s, new ExprNode.InList(s.operand(), items(lists.get(i))));
          }
          ExprNode predicate = replace(a.predicate(), lists0);
          return in.of(a.input()).filter(row -> Eval.isTrue(predicate, cx.args(), row));
        });
  }

  private static List<ExprNode> items(List<Value.Record> rows) {
    LinkedHashSet<Value> distinct = new LinkedHashSet<>();
    rows.forEach(r -> distinct.add(r.size() == 1 ? r.get(0) : r));
    List<ExprNode> out = new ArrayList<>(distinct.size());
    distinct.forEach(v -> out.add(new ExprNode.Const(v)));
    return out;
  }

  private static ExprNode replace(ExprNode e, Map<ExprNode, ExprNode> lists) {
    ExprNode list = lists.get(e);
    return list != null ? list : Children.map(e, c -> replace(c, lists));
  }
}
