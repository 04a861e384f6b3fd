package io.toasty.dynamo.op;

import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.dynamo.expr.RowPredicate;
import io.toasty.dynamo.table.CountedRelation;
import io.toasty.dynamo.table.TableInfo;
import io.toasty.error.RecordNotFoundException;
import io.toasty.stmt.ExprNode;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Writes of records that a limited relation counts ({@code Counters}), sent on their own: an
 * insert, an update that moves records between owners, a delete. Each is one all-or-nothing
 * TransactWriteItems with the owners' counters ({@link AtomicWriteOp}), so that an insert or a
 * link of several records beyond a limit writes none of them. An update or delete keeps its
 * meaning alone (records missing or failing the filter count zero): the records are read first
 * and only those that exist and match are written, guarded on the values read; a record changed
 * in between sends the write round again.
 */
final class CountedWrites {
  private CountedWrites() {}

  /**
   * Whether a write of {@code t} is bounded by counters: some limit counts its records, so a
   * write of several records is one transaction.
   */
  static boolean counted(DynamoContext cx, TableInfo t) {
    return cx.tables().limitsOf(t.name()).stream().anyMatch(CountedRelation::limiting);
  }

  /**
   * Whether a delete of {@code t}'s records moves or is guarded by counters: a key of {@code t}
   * is counted on the record it points at, or keys point at {@code t}'s records. Each record is
   * then deleted in a transaction of its own ({@link #deleteEach}).
   */
  static boolean guarded(DynamoContext cx, TableInfo t) {
    return !cx.tables().limitsOf(t.name()).isEmpty() || !cx.tables().guardsOf(t.name()).isEmpty();
  }

  /**
   * Whether {@code items}, new records of {@code t}, point at an owner whose limit's counter
   * moves.
   */
  static boolean counts(DynamoContext cx, TableInfo t, List<Map<String, AttributeValue>> items) {
    List<Counters.Delta> deltas = new ArrayList<>();
    items.forEach(item -> Counters.inserted(cx.tables(), t, item, deltas));
    return deltas.stream().anyMatch(d -> d.limit().limiting());
  }

  /** {@code op} with its owners' counters. */
  static Mono<ExecResponse> insert(DynamoContext cx, Operation.Insert op) {
    return AtomicWriteOp.run(cx, List.of(op)).map(CountedWrites::only);
  }

  /** {@code op}, which moves records of {@code t} between owners, with their counters. */
  static Mono<ExecResponse> update(DynamoContext cx, TableInfo t, Operation.UpdateByKey op) {
    return matching(cx, t, op.keys(), op.filter(), op.args(), 1, keys -> keys.isEmpty()
        ? Mono.<ExecResponse>just(op.returning() ? new ExecResponse.Rows(Flux.empty())
            : new ExecResponse.Count(0))
        : AtomicWriteOp.run(cx, List.of(new Operation.UpdateByKey(op.table(), keys,
            op.assignments(), op.filter(), op.args(), op.returning(), op.columns())))
            .map(CountedWrites::only));
  }

  /** {@code op}, a delete of records of {@code t}, with their owners' counters. */
  static Mono<ExecResponse> delete(DynamoContext cx, TableInfo t, Operation.DeleteByKey op) {
    return matching(cx, t, op.keys(), op.filter(), op.args(), 1, keys -> keys.isEmpty()
        ? Mono.<ExecResponse>just(new ExecResponse.Count(0))
        : AtomicWriteOp.run(cx, List.of(new Operation.DeleteByKey(op.table(), keys,
            op.filter(), op.args()))).map(CountedWrites::only));
  }

  /**
   * {@code op}, a delete of records of {@code t} no limit bounds: each record in a transaction
   * of its own with the counters it moves or is guarded by, so that a delete of many records is
   * not bounded by the size of one transaction.
   */
  static Mono<ExecResponse> deleteEach(DynamoContext cx, TableInfo t, Operation.DeleteByKey op) {
    return Flux.fromIterable(op.keys())
        .flatMap(key -> delete(cx, t, new Operation.DeleteByKey(op.table(), List.of(key),
            op.filter(), op.args())), UpdateByKeyOp.CONCURRENCY)
        .map(r -> ((ExecResponse.Count) r).count())
        .reduce(0L, Long::sum)
        .map(n -> (ExecResponse) new ExecResponse.Count(n));
  }

  private static ExecResponse only(ExecResponse each) {
    return ((ExecResponse.Each) each).responses().get(0);
  }

  /**
   * {@code write} of the {@code keys} whose records exist and match {@code filter} now, again
   * when one of them no longer does at the write (it cancels the transaction), up to
   * {@link UniqueWrites#MAX_ATTEMPTS} times.
   */
  private static Mono<ExecResponse> matching(DynamoContext cx, TableInfo t,
      List<Value.Record> keys, ExprNode filter, List<Value> args, int attempt,
      Function<List<Value.Record>, Mono<ExecResponse>> write) {
    Predicate<Map<String, AttributeValue>> matches = test(t, args, filter);
    Set<Map<String, AttributeValue>> seen = new HashSet<>();
    return Flux.fromIterable(keys)
        .filter(k -> {
          Map<String, AttributeValue> key = Items.key(t, k);
          return key != null && seen.add(key);
        })
        .concatMap(k -> UniqueWrites.read(cx, t,
                Objects.requireNonNull(Items.key(t, k), "kept above: it has a key"))
            .filter(matches::test).map(item -> k), 1)
        .collectList()
        .flatMap(write::apply)
        .onErrorResume(RecordNotFoundException.class, e -> attempt >= UniqueWrites.MAX_ATTEMPTS
            ? Mono.error(UniqueWrites.tooManyChanges(t, e))
            : matching(cx, t, keys, filter, args, attempt + 1, write));
  }

  /**
   * {@code filter} tested on items read, or TRUE where the driver cannot test it on an item
   * (arithmetic): the write's condition still holds it, and a record it fails cancels the write,
   * which then fails as transient after its attempts.
   */
  private static Predicate<Map<String, AttributeValue>> test(TableInfo t,
      List<Value> args, ExprNode filter) {
    try {
      return new RowPredicate(t, args, filter)::test;
    } catch (RuntimeException cannot) {
      return item -> true;
    }
  }
}
