package io.toasty.reactive.exec;

import io.toasty.driver.Operation;
import io.toasty.planner.eval.Eval;
import io.toasty.planner.plan.node.MergeBranch;
import io.toasty.stmt.ExprNode;
import io.toasty.value.Value;
import io.toasty.value.Values;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import reactor.core.publisher.Flux;

/**
 * Reads one window's children for a {@link MergeBranch.IndexFetch}: per parent key one index
 * read in the include's order whose page size is {@code offset + count}, taken to that many keys
 * (the read is cancelled there: no second page is requested), its first {@code offset} dropped;
 * then every kept key's row in one read by key, put back in the index reads' order. Outside a
 * transaction up to {@link #CONCURRENCY} parents' index reads are in flight at once, each on a
 * connection of its own; inside one, one after the other on the transaction's connection.
 */
final class IndexFetchExec {
  /** Parents' index reads of one window in flight at once, outside a transaction. */
  static final int CONCURRENCY = 8;

  private IndexFetchExec() {}

  static Flux<Value.Record> run(MergeBranch.IndexFetch f, List<Value.Record> keys,
      ExecContext cx) {
    long offset = f.offset() == null ? 0 : Values.asLong(Eval.eval(f.offset(), cx.args(), null));
    long count = Values.asLong(Eval.eval(f.count(), cx.args(), null));
    if (count <= 0) {
      return Flux.empty();
    }
    long taken = offset > Long.MAX_VALUE - count ? Long.MAX_VALUE : offset + count;
    Flux<Value.Record> pks = Flux.fromIterable(keys).flatMapSequential(
        key -> cx.sendAside(read(f, key, taken)).take(taken).skip(offset),
        cx.concurrent() ? CONCURRENCY : 1);
    return pks.collectList().flatMapMany(list -> list.isEmpty() ? Flux.empty()
        : cx.sendAside(new Operation.GetByKey(f.table(), f.columns(), list)).collectMap(
            row -> key(row, f.keyPositions()), row -> row, HashMap::new)
            .flatMapIterable(rows -> inOrder(list, rows)));
  }

  /** One parent's index read: its key's records in the index's order, a page of {@code taken}. */
  private static Operation.FindPkByIndex read(MergeBranch.IndexFetch f, Value.Record key,
      long taken) {
    ExprNode condition = new ExprNode.Compare(ExprNode.CompareOp.EQ, new ExprNode.Column(f.table(),
        f.keyColumn()), new ExprNode.Const(key.get(0)));
    return new Operation.FindPkByIndex(f.table(), f.index(), condition, ExprNode.TRUE, List.of(),
        List.of(), f.forward(), taken);
  }

  /** The rows of {@code keys} that were found, in the order of {@code keys}. */
  private static List<Value.Record> inOrder(List<Value.Record> keys,
      Map<Value.Record, Value.Record> rows) {
    return keys.stream().map(rows::get).filter(Objects::nonNull).toList();
  }

  private static Value.Record key(Value.Record row, List<Integer> positions) {
    Value[] values = new Value[positions.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = row.get(positions.get(i));
    }
    return Value.Record.of(values);
  }
}
