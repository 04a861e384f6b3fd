package io.toasty.reactive.exec;

import io.toasty.planner.action.NestCreatedAction;
import io.toasty.planner.plan.node.NestCreated;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Nests a nested create's inserted rows into the rows they were created for, bottom up from the
 * result's rows: each part's rows, their own slots filled first, lifted to records and appended
 * to their parent row's slot in creation order. The inserts have run (their rows are stored).
 */
final class NestCreatedExec {
  private final NestCreatedAction a;
  private final List<Value> args;
  private final List<List<Value.Record>> rows;
  /** Per part, the parts nested into its rows, in creation order. */
  private final List<List<Integer>> children = new ArrayList<>();

  private NestCreatedExec(NestCreatedAction a, List<Value> args,
      List<List<Value.Record>> rows) {
    this.a = a;
    this.args = args;
    this.rows = rows;
    a.parts().forEach(p -> children.add(new ArrayList<>()));
    for (int c = 0; c < a.parts().size(); c++) {
      int parent = a.parts().get(c).parent();
      if (parent >= 0) {
        children.get(parent).add(c);
      }
    }
  }

  static Flux<Value.Record> run(NestCreatedAction a, ExecContext cx, Inputs in) {
    return Flux.fromIterable(a.parts()).concatMap(p -> in.of(p.input()).collectList())
        .collectList()
        .flatMapMany(all -> Mono.fromCallable(() -> new NestCreatedExec(a, cx.args(), all)
            .result()).flatMapMany(Flux::fromIterable));
  }

  private List<Value.Record> result() {
    List<Value.Record> out = new ArrayList<>();
    List<Value.Record> top = rows.get(a.root());
    for (int r = 0; r < top.size(); r++) {
      out.add(extended(top.get(r), slots(a.root(), r)));
    }
    return out;
  }

  /** The slots of row {@code row} of part {@code part}: a list per relation created, else NULL. */
  private Value[] slots(int part, int row) {
    Value[] slots = new Value[a.parts().get(part).slots()];
    Arrays.fill(slots, Value.NULL);
    List<List<Value>> items = new ArrayList<>(slots.length);
    for (int k = 0; k < slots.length; k++) {
      items.add(null);
    }
    for (int c : children.get(part)) {
      NestCreated.Part child = a.parts().get(c);
      if (child.row() != row) {
        continue;
      }
      List<Value> into = items.get(child.slot());
      if (into == null) {
        into = new ArrayList<>();
        items.set(child.slot(), into);
      }
      List<Value.Record> childRows = rows.get(c);
      for (int i = 0; i < childRows.size(); i++) {
        Value[] own = slots(c, i);
        if (child.flatten() >= 0) {
          if (own[child.flatten()] instanceof Value.ListValue targets) {
            into.addAll(targets.items());
          }
        } else {
          into.add(Objects.requireNonNull(child.lift(), "a nested child is lifted")
              .apply(extended(childRows.get(i), own), args));
        }
      }
    }
    for (int k = 0; k < slots.length; k++) {
      if (items.get(k) != null) {
        slots[k] = new Value.ListValue(items.get(k));
      }
    }
    return slots;
  }

  private static Value.Record extended(Value.Record row, Value[] slots) {
    Value[] out = new Value[row.size() + slots.length];
    for (int i = 0; i < row.size(); i++) {
      out[i] = row.get(i);
    }
    System.arraycopy(slots, 0, out, row.size(), slots.length);
    return Value.Record.adopt(out);
  }
}
