package io.toasty.reactive.exec;

import io.toasty.planner.action.AggregateSlotAction;
import io.toasty.planner.eval.Grouping;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Returning;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import reactor.core.publisher.Flux;

/**
 * Runs an {@link AggregateSlotAction}: each row's list of related records aggregated as one
 * group without a key, which is what SQL's aggregate over no rows gives too (0 for a count, NULL
 * otherwise); each equal record once where the action says (a target two join records point to).
 */
final class AggregateSlotExec {
  private AggregateSlotExec() {}

  static Flux<Value.Record> run(AggregateSlotAction a, ExecContext cx, Inputs in) {
    Returning.Grouped one = new Returning.Grouped(List.of(a.aggregate()), List.of(),
        ExprNode.TRUE, false);
    return in.of(a.input()).map(row -> aggregated(row, a.position(), one, a.distinctRecords(),
        cx.args()));
  }

  private static Value.Record aggregated(Value.Record row, int position, Returning.Grouped one,
      boolean distinct, List<Value> args) {
    Grouping grouping = new Grouping(one, args);
    Collection<Value> items = ((Value.ListValue) row.get(position)).items();
    (distinct ? new LinkedHashSet<>(items) : items).forEach(r -> grouping.add((Value.Record) r));
    List<Value> out = new ArrayList<>(row.fields());
    out.set(position, grouping.finish().get(0).get(0));
    return new Value.Record(out);
  }
}
