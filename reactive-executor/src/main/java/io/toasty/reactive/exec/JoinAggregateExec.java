package io.toasty.reactive.exec;

import io.toasty.planner.action.JoinAggregateAction;
import io.toasty.planner.eval.Grouping;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;

/**
 * Runs a {@link JoinAggregateAction}: reads the groups (key values, then the aggregate) into a
 * map, then appends to each input row, as it streams, its key's aggregate, or what an aggregate
 * of no rows is ({@link Grouping#ofNoRows}: 0 for a count, NULL otherwise, as SQL gives).
 */
final class JoinAggregateExec {
  private JoinAggregateExec() {}

  static Flux<Value.Record> run(JoinAggregateAction a, Inputs in) {
    int width = a.keyPositions().size();
    Value none = Grouping.ofNoRows(a.op());
    return in.of(a.groups()).collectMap(g -> g.fields().subList(0, width), g -> g.get(width),
            HashMap<List<Value>, Value>::new)
        .flatMapMany(groups -> in.of(a.input()).map(row -> joined(row, a.keyPositions(),
            groups, none)));
  }

  private static Value.Record joined(Value.Record row, List<Integer> keyPositions,
      Map<List<Value>, Value> groups, Value none) {
    List<Value> key = new ArrayList<>(keyPositions.size());
    keyPositions.forEach(p -> key.add(row.get(p)));
    List<Value> out = new ArrayList<>(row.size() + 1);
    out.addAll(row.fields());
    out.add(groups.getOrDefault(key, none));
    return new Value.Record(out);
  }
}
