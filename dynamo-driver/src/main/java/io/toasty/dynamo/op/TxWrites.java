package io.toasty.dynamo.op;

import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.dynamo.expr.RowPredicate;
import io.toasty.dynamo.expr.UpdateWriter;
import io.toasty.dynamo.table.TableInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/**
 * Writes inside an optimistic transaction ({@link OptimisticTx}): each item is read first (as
 * the transaction sees it, {@link TxLedger#load}), the write is computed from it and buffered,
 * and the statement answers as it would have: the rows inserted, the count or the rows of an
 * update, the count of a delete. A key or unique value another record holds fails the statement
 * at once with a {@code UniqueViolationException}, as a database would (or, for a key, with the
 * conflict of a read that changed meanwhile: {@link StaleReads}), and leaves none of its rows
 * buffered; the commit's conditions catch what changes after that.
 */
final class TxWrites {
  private TxWrites() {}

  static Mono<ExecResponse> insert(TxLedger l, Operation.Insert op) {
    return Mono.defer(() -> {
      TableInfo t = InsertOp.table(l.context(), op);
      List<Map<String, AttributeValue>> items = InsertOp.items(t, op);
      return allOrNothing(l, Flux.fromIterable(items).concatMap(item -> {
        Map<String, AttributeValue> key = Items.keyOf(t, item);
        return l.load(t, key).flatMap(found -> found.isPresent()
            ? StaleReads.orError(l, Uniqueness.duplicateKey(t, null))
            : unclaimed(l, t, null, item).then(Mono.fromRunnable(() ->
                l.write(TxLedger.Ref.of(t, item), Optional.of(item)))));
      }, 1).then(TxLimits.check(l, t))
          .then(Mono.fromSupplier(() -> InsertOp.response(t, op.statement(), items))));
    });
  }

  static Mono<ExecResponse> update(TxLedger l, Operation.UpdateByKey op) {
    return Mono.defer(() -> {
      TableInfo t = l.context().table(op.table());
      UpdateWriter w = new UpdateWriter(t, op.assignments(), op.args());
      RowPredicate filter = new RowPredicate(t, op.args(), op.filter());
      Flux<Map<String, AttributeValue>> updated = Flux.fromIterable(Items.keys(t, op.keys()))
          .concatMap(key -> l.load(t, key).flatMap(found -> {
            if (found.isEmpty() || !filter.test(found.get())) {
              return Mono.empty();
            }
            Map<String, AttributeValue> after = w.apply(found.get());
            Sizes.checkItem(t, after);
            return unclaimed(l, t, found.get(), after).then(Mono.fromCallable(() -> {
              l.write(TxLedger.Ref.of(t, after), Optional.of(after));
              return after;
            }));
          }), 1);
      return allOrNothing(l, updated.collectList()
          .flatMap(rows -> TxLimits.check(l, t).thenReturn(rows))
          .map(rows -> op.returning()
          ? new ExecResponse.Rows(Flux.fromIterable(rows)
              .map(item -> Items.row(t, op.columns(), item)))
          : new ExecResponse.Count(rows.size())));
    });
  }

  static Mono<ExecResponse> delete(TxLedger l, Operation.DeleteByKey op) {
    return Mono.defer(() -> {
      TableInfo t = l.context().table(op.table());
      RowPredicate filter = new RowPredicate(t, op.args(), op.filter());
      Mono<Long> deleted = Flux.fromIterable(Items.keys(t, op.keys()))
          .concatMap(key -> l.load(t, key).flatMap(found -> {
            if (found.isEmpty() || !filter.test(found.get())) {
              return Mono.empty();
            }
            return References.unreferenced(l.context(), t, List.of(key))
                .then(Mono.fromCallable(() -> {
                  l.write(TxLedger.Ref.of(t, found.get()), Optional.empty());
                  return key;
                }));
          }), 1).count();
      return allOrNothing(l, deleted.map(ExecResponse.Count::new));
    });
  }

  /** {@code work}, its buffered writes dropped again when it fails: a statement is atomic. */
  private static <T> Mono<T> allOrNothing(TxLedger l, Mono<T> work) {
    return Mono.defer(() -> {
      LinkedHashMap<TxLedger.Ref, Optional<Map<String, AttributeValue>>> before = l.snapshot();
      return work.doOnError(e -> l.restore(before));
    });
  }

  /**
   * Fails with a {@code UniqueViolationException} when a unique value of {@code item} is another
   * record's, as the transaction sees the records: buffered writes first, then the uniqueness
   * items stored (strongly consistent). A value {@code item} had already ({@code before}, null
   * for a new record) is its own.
   */
  private static Mono<Void> unclaimed(TxLedger l, TableInfo t,
      @Nullable Map<String, AttributeValue> before, Map<String, AttributeValue> item) {
    TxLedger.Ref self = TxLedger.Ref.of(t, item);
    return Flux.fromIterable(t.uniqueIndexes()).concatMap(ix -> {
      String k = Uniqueness.key(t, ix, item);
      if (k == null || before != null && k.equals(Uniqueness.key(t, ix, before))) {
        return Mono.empty();
      }
      Map<TxLedger.Ref, Optional<Map<String, AttributeValue>>> writes = l.writes();
      for (Map.Entry<TxLedger.Ref, Optional<Map<String, AttributeValue>>> w : writes.entrySet()) {
        if (!w.getKey().equals(self) && w.getKey().table() == t && w.getValue().isPresent()
            && k.equals(Uniqueness.key(t, ix, w.getValue().get()))) {
          return Mono.error(Uniqueness.violation(t, ix, null));
        }
      }
      return owner(l.context(), t, k).flatMap(owner -> {
        TxLedger.Ref holder = new TxLedger.Ref(t, Items.canonical(owner));
        Optional<Map<String, AttributeValue>> buffered = writes.get(holder);
        boolean held = !holder.equals(self) && (buffered == null || buffered.isPresent()
            && Objects.equals(k, Uniqueness.key(t, ix, buffered.get())));
        return held ? Mono.error(Uniqueness.violation(t, ix, null)) : Mono.empty();
      });
    }, 1).then();
  }

  /** The key of the record holding unique value {@code k} of {@code t}, if one does. */
  private static Mono<Map<String, AttributeValue>> owner(DynamoContext cx, TableInfo t,
      String k) {
    GetItemRequest request = GetItemRequest.builder().tableName(t.uniqueTableName())
        .key(Map.of(TableInfo.UNIQUE_KEY, AttributeValue.fromS(k))).consistentRead(true).build();
    return cx.call(() -> cx.client().getItem(request))
        .filter(r -> r.hasItem() && r.item().containsKey(TableInfo.UNIQUE_OWNER))
        .map(r -> r.item().get(TableInfo.UNIQUE_OWNER).m());
  }
}
