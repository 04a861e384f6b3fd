package io.toasty.dynamo.op;

import io.toasty.Feature;
import io.toasty.dynamo.table.TableInfo;
import io.toasty.error.SerializationFailureException;
import io.toasty.error.UnsupportedFeatureException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The commit of an optimistic transaction ({@link OptimisticTx}): one TransactWriteItems holding
 * each buffered item's final state (a put of a new item, an update of the attributes that
 * changed, a delete), the uniqueness items and relation counters those writes move, the checks
 * that the keys they write refer to records, and a condition that every item the transaction
 * read is still as read ({@link SeenCondition}), joined to the item's own action where it has
 * one. A transaction that wrote nothing sends nothing. More than 100 items or about 4 MB is
 * refused with {@code Feature.TRANSACTION_SIZE} before anything is sent.
 */
final class TxCommit {
  private TxCommit() {}

  static Mono<Void> run(TxLedger ledger) {
    return Mono.defer(() -> {
      Map<TxLedger.Ref, Optional<Map<String, AttributeValue>>> writes = ledger.writes();
      if (writes.isEmpty()) {
        return Mono.empty();
      }
      DynamoContext cx = ledger.context();
      Map<TxLedger.Ref, Optional<Map<String, AttributeValue>>> reads = ledger.reads();
      List<AtomicWriteOp.Step> steps = new ArrayList<>();
      List<Counters.Delta> deltas = new ArrayList<>();
      List<References.Written> written = new ArrayList<>();
      Map<List<Object>, Map<String, AttributeValue>> claimed = new LinkedHashMap<>();
      Map<List<Object>, TableInfo.Index> freed = new LinkedHashMap<>();
      Set<String> own = new HashSet<>();
      writes.forEach((ref, now) -> {
        Optional<Map<String, AttributeValue>> before = Objects.requireNonNull(reads.get(ref),
            "a buffered write's item was read first (TxLedger.write)");
        AtomicWriteOp.Step step = step(cx, ref, before, now, deltas, written);
        if (step != null) {
          steps.add(step);
          own.add(References.touchedKey(cx, step.item()));
        }
        uniqueMoves(ref, before, now, claimed, freed);
      });
      steps.addAll(uniqueSteps(claimed, freed));
      return Counters.apply(cx, steps, deltas)
          .map(counted -> checked(cx, Referrers.guard(cx, counted, deltas), written, reads,
              own))
          .flatMap(all -> send(cx, all, writes.size(), reads.size()));
    }).onErrorMap(DynamoContext::translate);
  }

  /** The action that leaves {@code ref} as {@code now}; null when it needs none. */
  private static AtomicWriteOp.@Nullable Step step(DynamoContext cx, TxLedger.Ref ref,
      Optional<Map<String, AttributeValue>> before, Optional<Map<String, AttributeValue>> now,
      List<Counters.Delta> deltas, List<References.Written> written) {
    TableInfo t = ref.table();
    if (before.isEmpty() && now.isEmpty()) {
      return null;
    }
    if (before.isEmpty()) {
      Counters.inserted(cx.tables(), t, now.get(), deltas);
      written.add(new References.Written(t, now.get()));
      return new AtomicWriteOp.Step(TransactWriteItem.builder()
          .put(InsertOp.newItem(t, now.get())).build(), (e, r) -> Uniqueness.duplicateKey(t, e));
    }
    SeenCondition seen = SeenCondition.of(t, before);
    if (now.isEmpty()) {
      Counters.deleted(cx.tables(), t, before.get(), deltas);
      return new AtomicWriteOp.Step(TransactWriteItem.builder().delete(Delete.builder()
          .tableName(t.physicalName()).key(ref.key()).conditionExpression(seen.text())
          .expressionAttributeNames(seen.names())
          .expressionAttributeValues(seen.values().isEmpty() ? null : seen.values())
          .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
          .build()).build(), (e, r) -> SeenCondition.changed(t, ref.key(), e));
    }
    return update(cx, ref, seen, before.get(), now.get(), deltas, written);
  }

  /** An update setting what changed and removing what went; null when nothing changed. */
  private static AtomicWriteOp.@Nullable Step update(DynamoContext cx, TxLedger.Ref ref,
      SeenCondition seen, Map<String, AttributeValue> before, Map<String, AttributeValue> now,
      List<Counters.Delta> deltas, List<References.Written> written) {
    TableInfo t = ref.table();
    Map<String, String> names = new LinkedHashMap<>(seen.names());
    Map<String, AttributeValue> values = new LinkedHashMap<>(seen.values());
    List<String> sets = new ArrayList<>();
    List<String> removes = new ArrayList<>();
    Set<Integer> changed = new LinkedHashSet<>();
    for (int c : t.allColumns()) {
      String a = t.attribute(c);
      if (Objects.equals(before.get(a), now.get(a))) {
        continue;
      }
      changed.add(c);
      String n = "#w" + names.size();
      names.put(n, a);
      if (now.get(a) == null) {
        removes.add(n);
      } else {
        String v = ":w" + values.size();
        values.put(v, now.get(a));
        sets.add(n + " = " + v);
      }
    }
    if (changed.isEmpty()) {
      return null;
    }
    Counters.relinked(Counters.moved(cx.tables(), t, changed), before, now, deltas);
    if (References.checks(t, changed)) {
      written.add(new References.Written(t, now));
    }
    String ue = (sets.isEmpty() ? "" : "SET " + String.join(", ", sets))
        + (removes.isEmpty() ? "" : (sets.isEmpty() ? "" : " ") + "REMOVE "
        + String.join(", ", removes));
    return new AtomicWriteOp.Step(TransactWriteItem.builder().update(Update.builder()
        .tableName(t.physicalName()).key(ref.key()).updateExpression(ue)
        .conditionExpression(seen.text()).expressionAttributeNames(names)
        .expressionAttributeValues(values.isEmpty() ? null : values)
        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
        .build()).build(), (e, r) -> SeenCondition.changed(t, ref.key(), e));
  }

  /** Records the unique values {@code ref} gives up and takes ({@code [table, key]} each). */
  private static void uniqueMoves(TxLedger.Ref ref, Optional<Map<String, AttributeValue>> before,
      Optional<Map<String, AttributeValue>> now,
      Map<List<Object>, Map<String, AttributeValue>> claimed,
      Map<List<Object>, TableInfo.Index> freed) {
    TableInfo t = ref.table();
    for (TableInfo.Index ix : t.uniqueIndexes()) {
      String b = before.map(item -> Uniqueness.key(t, ix, item)).orElse(null);
      String n = now.map(item -> Uniqueness.key(t, ix, item)).orElse(null);
      if (Objects.equals(b, n)) {
        continue;
      }
      if (b != null) {
        freed.put(List.of(t, b), ix);
      }
      if (n != null) {
        claimed.put(List.of(t, n, ix), ref.key());
      }
    }
  }

  /**
   * The uniqueness items' actions: a value one record frees and another takes in the same
   * transaction is one put that changes its owner (one action per item).
   */
  private static List<AtomicWriteOp.Step> uniqueSteps(
      Map<List<Object>, Map<String, AttributeValue>> claimed,
      Map<List<Object>, TableInfo.Index> freed) {
    List<AtomicWriteOp.Step> out = new ArrayList<>();
    Map<List<Object>, TableInfo.Index> left = new HashMap<>(freed);
    claimed.forEach((tk, owner) -> {
      TableInfo t = (TableInfo) tk.get(0);
      String k = (String) tk.get(1);
      TableInfo.Index ix = (TableInfo.Index) tk.get(2);
      TransactWriteItem put = Uniqueness.put(t, k, owner);
      if (left.remove(List.of(t, k)) != null) {
        Put p = put.put();
        put = put.toBuilder().put(Put.builder().tableName(p.tableName()).item(p.item()).build())
            .build();
      }
      out.add(new AtomicWriteOp.Step(put, (e, r) -> Uniqueness.violation(t, ix, e)));
    });
    freed.keySet().stream().filter(left::containsKey).forEach(tk -> {
      TableInfo t = (TableInfo) tk.get(0);
      out.add(new AtomicWriteOp.Step(Uniqueness.delete(t, (String) tk.get(1)),
          (e, r) -> UniqueWrites.tooManyChanges(t, e)));
    });
    return out;
  }

  /**
   * {@code steps} with the reference checks their written keys need and the condition that each
   * item read is as read, joined to the item's action where there is one ({@code own} items'
   * writes are conditioned on it already).
   */
  private static List<AtomicWriteOp.Step> checked(DynamoContext cx,
      List<AtomicWriteOp.Step> steps, List<References.Written> written,
      Map<TxLedger.Ref, Optional<Map<String, AttributeValue>>> reads, Set<String> own) {
    List<AtomicWriteOp.Step> out = new ArrayList<>(steps);
    References.checks(cx, written, steps.stream().map(AtomicWriteOp.Step::item).toList())
        .forEach(c -> out.add(References.step(c)));
    Map<String, Integer> at = new HashMap<>();
    for (int i = 0; i < out.size(); i++) {
      at.put(References.touchedKey(cx, out.get(i).item()), i);
    }
    reads.forEach((ref, seen) -> {
      TableInfo t = ref.table();
      String touched = t.physicalName() + ref.key();
      Integer i = at.get(touched);
      if (i == null) {
        at.put(touched, out.size());
        out.add(SeenCondition.of(t, seen).check(t, ref.key()));
      } else if (!own.contains(touched)) {
        out.set(i, SeenCondition.of(t, seen).joinedTo(out.get(i), t, ref.key(), seen));
      }
    });
    return out;
  }

  private static Mono<Void> send(DynamoContext cx, List<AtomicWriteOp.Step> steps, int writes,
      int reads) {
    long bytes = steps.stream().mapToLong(s -> bytes(s.item())).sum();
    if (steps.size() > InsertOp.MAX_TRANSACTION_ITEMS || bytes > InsertOp.MAX_TRANSACTION_BYTES) {
      return Mono.error(new UnsupportedFeatureException(Feature.TRANSACTION_SIZE,
          TableInfo.BACKEND, "the transaction's commit needs " + steps.size() + " items and "
          + "about " + bytes + " bytes in one TransactWriteItems (" + writes + " items written, "
          + reads + " read, with their uniqueness, counter and reference items), which takes "
          + InsertOp.MAX_TRANSACTION_ITEMS + " items and 4 MB: read and write fewer records "
          + "in one transaction"));
    }
    TransactWriteItemsRequest request = TransactWriteItemsRequest.builder()
        .transactItems(steps.stream().map(AtomicWriteOp.Step::item).toList()).build();
    Mono<Void> once = cx.call(() -> cx.client().transactWriteItems(
            request.toBuilder().clientRequestToken(DynamoContext.requestToken()).build()))
        .then()
        .onErrorMap(TransactionCanceledException.class, e -> blame(steps, e));
    return ConflictRetries.onConflict(once);
  }

  /**
   * The error of a cancelled commit: a record the transaction read that changed, where one did,
   * before any other failed condition, since what the transaction decided on was stale (two
   * transactions that read a counter and create the record numbered by it: the later one's
   * duplicate key is the counter's conflict, to retry; docs' {@code CounterKeyGuideTest}), as
   * PostgreSQL reports a serialization failure there. So is a condition that failed while
   * another transaction was writing one of its items (DynamoDB cancels that item with
   * {@code TransactionConflict}). Else the first failed condition's error.
   */
  private static RuntimeException blame(List<AtomicWriteOp.Step> steps,
      TransactionCanceledException e) {
    List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons()
        : List.of();
    boolean failed = false;
    boolean concurrent = false;
    for (int i = 0; i < reasons.size() && i < steps.size(); i++) {
      String code = reasons.get(i).code();
      concurrent |= "TransactionConflict".equals(code);
      if ("ConditionalCheckFailed".equals(code)) {
        failed = true;
        if (steps.get(i).blame().apply(e, reasons.get(i))
            instanceof SerializationFailureException stale) {
          return stale;
        }
      }
    }
    if (failed && concurrent) {
      return new SerializationFailureException(TableInfo.BACKEND, null, "a condition of this "
          + "transaction's commit failed while another transaction was writing its items; "
          + "nothing was written, and the transaction may be run again", e);
    }
    return AtomicWriteOp.blame(steps, e);
  }

  /** About how many bytes {@code i} adds to the request. */
  private static long bytes(TransactWriteItem i) {
    if (i.put() != null) {
      return Sizes.item(i.put().item());
    }
    if (i.update() != null) {
      return Sizes.item(i.update().key()) + Sizes.item(i.update().expressionAttributeValues());
    }
    if (i.delete() != null) {
      return Sizes.item(i.delete().key()) + Sizes.item(i.delete().expressionAttributeValues());
    }
    return Sizes.item(i.conditionCheck().key())
        + Sizes.item(i.conditionCheck().expressionAttributeValues());
  }
}
