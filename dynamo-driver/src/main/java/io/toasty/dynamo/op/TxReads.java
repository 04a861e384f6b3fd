package io.toasty.dynamo.op;

import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.dynamo.expr.RowPredicate;
import io.toasty.dynamo.table.TableInfo;
import io.toasty.stmt.ExprNode;
import io.toasty.value.Value;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads inside an optimistic transaction ({@link OptimisticTx}). A read by key sees the
 * transaction's buffered writes, else the item as first read, else reads it (strongly
 * consistent) and records it. A query, index query or scan reads the stored items strongly
 * consistent (an index's keys, then each item by key) and records each item it returns as read;
 * an item the transaction wrote is returned as written (and only if it still matches), and the
 * records the transaction created or changed that match now come after the stored ones. A
 * record another transaction creates meanwhile that would have matched is not detected (no
 * phantom protection): docs/dynamodb.md.
 */
final class TxReads {
  private TxReads() {}

  static Mono<ExecResponse> get(TxLedger l, Operation.GetByKey op) {
    return Mono.fromSupplier(() -> {
      TableInfo t = l.context().table(op.table());
      List<Map<String, AttributeValue>> keys = Items.keys(t, op.keys());
      Flux<Value.Record> rows = Flux.fromIterable(keys).concatMap(k -> l.load(t, k), 1)
          .flatMap(Mono::justOrEmpty)
          .map(item -> Items.row(t, op.columns(), item));
      return (ExecResponse) new ExecResponse.Rows(rows);
    });
  }

  static Mono<ExecResponse> scan(TxLedger l, Operation.Scan op) {
    return rows(l, op.table(), op.columns(), t -> ScanOp.items(l.context(), t,
        new Operation.Scan(op.table(), t.allColumns(), op.filter(), op.args())),
        t -> new RowPredicate(t, op.args(), op.filter())::test);
  }

  static Mono<ExecResponse> query(TxLedger l, Operation.QueryPk op) {
    return rows(l, op.table(), op.columns(), t -> QueryPkOp.items(l.context(), t,
        new Operation.QueryPk(op.table(), t.allColumns(), op.keyCondition(), op.filter(),
            op.args(), op.forward(), op.pageSize())),
        t -> both(t, op.args(), op.keyCondition(), op.filter()));
  }

  /** Keys from the index (strongly consistent where the index is unique), then each item. */
  static Mono<ExecResponse> index(TxLedger l, Operation.FindPkByIndex op) {
    List<Integer> columns = op.columns();
    Operation.FindPkByIndex keysOnly = new Operation.FindPkByIndex(op.table(), op.index(),
        op.keyCondition(), op.filter(), op.args(), List.of(), op.forward(), op.pageSize());
    return Mono.fromSupplier(() -> {
      TableInfo t = l.context().table(op.table());
      Predicate<Map<String, AttributeValue>> matches =
          both(t, op.args(), op.keyCondition(), op.filter());
      Flux<Map<String, AttributeValue>> stored = FindPkByIndexOp.run(l.context(), keysOnly)
          .flatMapMany(r -> ((ExecResponse.Rows) r).rows())
          .concatMap(key -> Mono.justOrEmpty(Items.key(t, key)).flatMap(k -> l.load(t, k)), 1)
          .flatMap(Mono::justOrEmpty)
          .filter(matches);
      List<Integer> out = columns.isEmpty() ? t.primaryKey() : columns;
      return (ExecResponse) new ExecResponse.Rows(withCreated(l, t, stored, matches)
          .map(item -> Items.row(t, out, item)));
    });
  }

  /** How many rows {@code op}'s read returns in the transaction. */
  static Mono<ExecResponse> count(TxLedger l, Operation.Count op) {
    Mono<ExecResponse> rows = op.read() instanceof Operation.Scan s ? scan(l, s)
        : query(l, (Operation.QueryPk) op.read());
    return rows.flatMap(r -> ((ExecResponse.Rows) r).rows().count())
        .map(ExecResponse.Count::new);
  }

  private interface Reader {
    Flux<Map<String, AttributeValue>> items(TableInfo t);
  }

  private interface Matcher {
    Predicate<Map<String, AttributeValue>> of(TableInfo t);
  }

  private static Mono<ExecResponse> rows(TxLedger l, String table, List<Integer> columns,
      Reader reader, Matcher matcher) {
    return Mono.fromSupplier(() -> {
      TableInfo t = l.context().table(table);
      Predicate<Map<String, AttributeValue>> matches = matcher.of(t);
      Flux<Map<String, AttributeValue>> stored = reader.items(t)
          .concatMap(item -> {
            Optional<Map<String, AttributeValue>> view =
                l.saw(TxLedger.Ref.of(t, item), Optional.of(item));
            // an item the transaction changed is checked again against the read's condition
            return Mono.justOrEmpty(view.filter(v -> v == item || matches.test(v)));
          }, 1);
      return (ExecResponse) new ExecResponse.Rows(withCreated(l, t, stored, matches)
          .map(item -> Items.row(t, columns, item)));
    });
  }

  /**
   * {@code stored}, then the records the transaction created or changed that match now but were
   * not among them (they did not match as stored).
   */
  private static Flux<Map<String, AttributeValue>> withCreated(TxLedger l, TableInfo t,
      Flux<Map<String, AttributeValue>> stored, Predicate<Map<String, AttributeValue>> matches) {
    Set<TxLedger.Ref> returned = new HashSet<>();
    return stored.doOnNext(item -> {
      synchronized (returned) {
        returned.add(TxLedger.Ref.of(t, item));
      }
    }).concatWith(Flux.defer(() -> Flux.fromIterable(l.written(t))
        .filter(item -> {
          synchronized (returned) {
            return !returned.contains(TxLedger.Ref.of(t, item));
          }
        })
        .filter(matches)));
  }

  private static Predicate<Map<String, AttributeValue>> both(TableInfo t, List<Value> args,
      ExprNode keyCondition, ExprNode filter) {
    RowPredicate key = new RowPredicate(t, args, keyCondition);
    RowPredicate rest = new RowPredicate(t, args, filter);
    return item -> key.test(item) && rest.test(item);
  }
}
