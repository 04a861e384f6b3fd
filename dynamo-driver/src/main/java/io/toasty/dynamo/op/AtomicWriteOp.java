package io.toasty.dynamo.op;

import io.toasty.Feature;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.dynamo.expr.Cond;
import io.toasty.dynamo.expr.ConditionWriter;
import io.toasty.dynamo.expr.Placeholders;
import io.toasty.dynamo.expr.UpdateWriter;
import io.toasty.dynamo.table.CountedRelation;
import io.toasty.dynamo.table.TableInfo;
import io.toasty.error.RecordNotFoundException;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * An {@code Operation.Atomic} of writes: the items of every insert, update and delete (each
 * record, and the uniqueness items its unique values claim or free) in one TransactWriteItems,
 * all or nothing. Updates and deletes on a table with unique indexes, and updates computing
 * values DynamoDB cannot ({@code UpdateWriter#computes()}), read the record first and are guarded
 * on the values read, as they are alone ({@link UniqueWrites}); a change in between fails the
 * batch as a transient {@code SerializationFailureException}. An update or delete
 * whose record is missing or fails its filter cancels the whole write with a
 * {@link RecordNotFoundException}; a duplicate key or unique value with a
 * {@code UniqueViolationException}. Rows an update returns are read after the commit.
 */
final class AtomicWriteOp {
  private AtomicWriteOp() {}

  /** One item of the transaction, and the error a failed condition on it means. */
  record Step(TransactWriteItem item,
      BiFunction<TransactionCanceledException, CancellationReason, RuntimeException> blame) {}

  /**
   * One operation's items, how it moves the counters of limited relations, and what it answers
   * once they are written.
   */
  private record Part(List<Step> steps, List<Counters.Delta> deltas,
      Supplier<Mono<ExecResponse>> answer, List<References.Written> written) {}

  static Mono<ExecResponse> run(DynamoContext cx, List<Operation> writes) {
    int least = leastItems(writes);
    if (least > InsertOp.MAX_TRANSACTION_ITEMS) {
      // refused before the reads that guard each record: they could not make it fit
      return Mono.error(tooLarge("at least " + least));
    }
    return Flux.fromIterable(writes).concatMap(w -> part(cx, w), 1).collectList()
        .flatMap(parts -> commit(cx, parts))
        .onErrorMap(DynamoContext::translate);
  }

  /** The records the writes touch, each one item at least: distinct keys, inserted rows. */
  private static int leastItems(List<Operation> writes) {
    Set<List<Object>> keys = new HashSet<>();
    int rows = 0;
    for (Operation op : writes) {
      if (op instanceof Operation.Insert i) {
        rows += i.statement().rows().size();
      } else if (op instanceof Operation.UpdateByKey u) {
        u.keys().forEach(k -> keys.add(List.of(u.table(), k)));
      } else if (op instanceof Operation.DeleteByKey d) {
        d.keys().forEach(k -> keys.add(List.of(d.table(), k)));
      }
    }
    return rows + keys.size();
  }

  private static UnsupportedFeatureException tooLarge(String items) {
    return new UnsupportedFeatureException(Feature.TRANSACTION_SIZE, TableInfo.BACKEND,
        "this atomic write (a batch's writes, an unlink of several join records, or a delete "
        + "with the records it cascades to) needs " + items + " items in one "
        + "TransactWriteItems, which takes at most " + InsertOp.MAX_TRANSACTION_ITEMS
        + ": split the batch, or delete or unlink fewer records at once (those pointing at "
        + "the deleted ones first)");
  }

  private static Mono<Part> part(DynamoContext cx, Operation op) {
    if (op instanceof Operation.Insert i) {
      return Mono.fromSupplier(() -> insert(cx, i));
    } else if (op instanceof Operation.UpdateByKey u) {
      return update(cx, u);
    } else if (op instanceof Operation.DeleteByKey d) {
      return delete(cx, d);
    }
    return Mono.error(new IllegalArgumentException("an atomic write holds " + op));
  }

  private static Part insert(DynamoContext cx, Operation.Insert op) {
    TableInfo t = InsertOp.table(cx, op);
    List<Map<String, AttributeValue>> items = InsertOp.items(t, op);
    List<Step> steps = new ArrayList<>();
    List<Counters.Delta> deltas = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      steps.add(new Step(TransactWriteItem.builder().put(InsertOp.newItem(t, items.get(i)))
          .build(), (e, r) -> Uniqueness.duplicateKey(t, e)));
      Counters.inserted(cx.tables(), t, items.get(i), deltas);
      for (Uniqueness.Claim c : Uniqueness.claims(t, items.get(i), i)) {
        steps.add(new Step(Uniqueness.put(t, c.key(), Items.keyOf(t, items.get(c.row()))),
            (e, r) -> Uniqueness.violation(t, c.index(), e)));
      }
    }
    ExecResponse answer = InsertOp.response(t, op.statement(), items);
    return new Part(steps, deltas, () -> Mono.just(answer),
        items.stream().map(item -> new References.Written(t, item)).toList());
  }

  private static Mono<Part> update(DynamoContext cx, Operation.UpdateByKey op) {
    TableInfo t = cx.table(op.table());
    UpdateWriter given = new UpdateWriter(t, op.assignments(), op.args());
    // a set held as a list fails a native change's guard, which a transaction cannot go round
    // again: such changes are computed from the item read first
    UpdateWriter w = given.guardsChanges() ? given.computingChanges() : given;
    List<TableInfo.Index> touched = UniqueWrites.touched(t, w.targets());
    List<CountedRelation> moved = Counters.moved(cx.tables(), t, w.targets());
    boolean references = References.checks(t, w.targets());
    List<Map<String, AttributeValue>> keys = Items.keys(t, op.keys());
    return Flux.fromIterable(keys)
        .concatMap(key -> touched.isEmpty() && !w.computes() && moved.isEmpty() && !references
            ? Mono.just(Guarded.NONE) : read(cx, t, key, "update"), 1)
        .collectList()
        .map(olds -> {
          List<Step> steps = new ArrayList<>();
          List<Counters.Delta> deltas = new ArrayList<>();
          List<References.Written> written = new ArrayList<>();
          for (int k = 0; k < keys.size(); k++) {
            steps.addAll(updateSteps(t, w, op, keys.get(k), olds.get(k), touched, moved));
            Map<String, AttributeValue> old = olds.get(k).item; // read when moved or references
            if (old != null && !moved.isEmpty()) {
              Counters.relinked(moved, old, w.apply(old), deltas);
            }
            if (old != null && references) {
              written.add(new References.Written(t, w.apply(old)));
            }
          }
          return new Part(steps, deltas, () -> op.returning()
              ? reread(cx, t, op.columns(), keys)
              : Mono.just(new ExecResponse.Count(keys.size())), written);
        });
  }

  private static List<Step> updateSteps(TableInfo t, UpdateWriter w, Operation.UpdateByKey op,
      Map<String, AttributeValue> key, Guarded old, List<TableInfo.Index> touched,
      List<CountedRelation> moved) {
    Placeholders ph = new Placeholders();
    Set<Integer> guarded = new LinkedHashSet<>(UniqueWrites.columns(t, touched));
    guarded.addAll(w.reads());
    guarded.addAll(Counters.columns(moved));
    Cond condition = Cond.and(List.of(UpdateByKeyOp.exists(t, ph),
        new ConditionWriter(t, op.args(), ph).whenTrue(op.filter()),
        old.item == null ? Cond.TRUE : UniqueWrites.guard(t, guarded, old.item, ph)));
    if (condition.equals(Cond.FALSE)) {
      throw notFound(t, "update", null);
    }
    String ue = old.item == null ? w.expression(ph) : w.expression(ph, old.item);
    Sizes.checkItem(t, UpdateByKeyOp.atLeast(w, key, old.item));
    String ce = condition.textOrNull();
    List<Step> steps = new ArrayList<>();
    steps.add(new Step(TransactWriteItem.builder().update(Update.builder()
        .tableName(t.physicalName()).key(key)
        .updateExpression(ue).conditionExpression(ce)
        .expressionAttributeNames(ph.names(ue, ce))
        .expressionAttributeValues(ph.values(ue, ce))
        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
        .build()).build(), (e, r) -> missing(t, "update", guarded, old, e, r)));
    if (old.item != null) {
      Map<String, AttributeValue> after = w.apply(old.item);
      for (TableInfo.Index ix : touched) {
        String before = Uniqueness.key(t, ix, old.item);
        String now = Uniqueness.key(t, ix, after);
        if (Objects.equals(before, now)) {
          continue;
        }
        if (before != null) {
          steps.add(new Step(Uniqueness.delete(t, before),
              (e, r) -> UniqueWrites.tooManyChanges(t, e)));
        }
        if (now != null) {
          steps.add(new Step(Uniqueness.put(t, now, key),
              (e, r) -> Uniqueness.violation(t, ix, e)));
        }
      }
    }
    return steps;
  }

  private static Mono<Part> delete(DynamoContext cx, Operation.DeleteByKey op) {
    TableInfo t = cx.table(op.table());
    List<Map<String, AttributeValue>> keys = Items.keys(t, op.keys());
    Set<Integer> guarded = UniqueWrites.columns(t, t.uniqueIndexes());
    guarded.addAll(Counters.columns(cx.tables().limitsOf(t.name())));
    return References.unreferenced(cx, t, keys).thenMany(Flux.fromIterable(keys))
        .concatMap(key -> guarded.isEmpty() ? Mono.just(Guarded.NONE)
            : read(cx, t, key, "delete"), 1)
        .collectList()
        .map(olds -> {
          List<Step> steps = new ArrayList<>();
          List<Counters.Delta> deltas = new ArrayList<>();
          for (int k = 0; k < keys.size(); k++) {
            Guarded old = olds.get(k);
            if (old.item != null) {
              Counters.deleted(cx.tables(), t, old.item, deltas);
            }
            Placeholders ph = new Placeholders();
            Cond condition = Cond.and(List.of(UpdateByKeyOp.exists(t, ph),
                new ConditionWriter(t, op.args(), ph).whenTrue(op.filter()),
                old.item == null ? Cond.TRUE : UniqueWrites.guard(t, guarded, old.item, ph)));
            if (condition.equals(Cond.FALSE)) {
              throw notFound(t, "delete", null);
            }
            String ce = condition.textOrNull();
            steps.add(new Step(TransactWriteItem.builder().delete(Delete.builder()
                .tableName(t.physicalName()).key(keys.get(k)).conditionExpression(ce)
                .expressionAttributeNames(ph.names(ce))
                .expressionAttributeValues(ph.values(ce))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build()).build(), (e, r) -> missing(t, "delete", guarded, old, e, r)));
            for (TableInfo.Index ix : t.uniqueIndexes()) {
              String u = old.item == null ? null : Uniqueness.key(t, ix, old.item);
              if (u != null) {
                steps.add(new Step(Uniqueness.delete(t, u),
                    (e, r) -> UniqueWrites.tooManyChanges(t, e)));
              }
            }
          }
          return new Part(steps, deltas,
              () -> Mono.just(new ExecResponse.Count(keys.size())), List.of());
        });
  }

  /** A record read before a guarded write; {@code item} null when nothing is guarded. */
  private record Guarded(@Nullable Map<String, AttributeValue> item) {
    static final Guarded NONE = new Guarded(null);
  }

  private static Mono<Guarded> read(DynamoContext cx, TableInfo t,
      Map<String, AttributeValue> key, String verb) {
    return UniqueWrites.read(cx, t, key).map(Guarded::new)
        .switchIfEmpty(Mono.error(() -> notFound(t, verb, null)));
  }

  private static RuntimeException missing(TableInfo t, String verb, Set<Integer> guarded,
      Guarded old, TransactionCanceledException e, CancellationReason r) {
    if (old.item != null && r.hasItem() && !r.item().isEmpty()
        && UniqueWrites.changed(t, guarded, old.item, r.item())) {
      return UniqueWrites.tooManyChanges(t, e);
    }
    return notFound(t, verb, e);
  }

  private static RecordNotFoundException notFound(TableInfo t, String verb,
      @Nullable Throwable cause) {
    RecordNotFoundException e = new RecordNotFoundException(t.model() == null ? t.name()
        : t.model(), "a batched " + verb + " found no record with its key matching its filter, "
        + "so the batch wrote nothing");
    if (cause != null) {
      e.addSuppressed(cause); // its cause is set (to none) by the constructor: initCause throws
    }
    return e;
  }

  private static Mono<ExecResponse> reread(DynamoContext cx, TableInfo t, List<Integer> columns,
      List<Map<String, AttributeValue>> keys) {
    return Flux.fromIterable(keys).concatMap(k -> UniqueWrites.read(cx, t, k), 1)
        .map(item -> Items.row(t, columns, item)).collectList()
        .map(rows -> new ExecResponse.Rows(Flux.fromIterable(rows)));
  }

  private static Mono<ExecResponse> commit(DynamoContext cx, List<Part> parts) {
    List<Step> written = new ArrayList<>();
    List<Counters.Delta> deltas = new ArrayList<>();
    List<References.Written> records = new ArrayList<>();
    parts.forEach(p -> {
      written.addAll(p.steps());
      deltas.addAll(p.deltas());
      records.addAll(p.written());
    });
    return Counters.apply(cx, written, deltas).flatMap(steps -> {
      List<Counters.Delta> bounded = deltas.stream().filter(d -> d.limit().limiting()).toList();
      if (steps.size() <= InsertOp.MAX_TRANSACTION_ITEMS || bounded.size() == deltas.size()) {
        return commit(cx, parts, Referrers.guard(cx, steps, deltas), records);
      }
      // the counters of checked keys do not fit beside the writes: their targets are read
      // first instead and left uncounted (docs/design/integrity.md says what that gives up)
      return Counters.apply(cx, written, bounded)
          .flatMap(fewer -> commit(cx, parts, Referrers.guard(cx, fewer, deltas), records));
    });
  }

  /** {@code steps} with the checks that the keys {@code records} hold need. */
  private static Mono<ExecResponse> commit(DynamoContext cx, List<Part> parts, List<Step> steps,
      List<References.Written> records) {
    List<References.Check> checks = References.checks(cx, records,
        steps.stream().map(Step::item).toList());
    if (steps.size() + checks.size() > InsertOp.MAX_TRANSACTION_ITEMS
        && steps.size() <= InsertOp.MAX_TRANSACTION_ITEMS) {
      // the checks do not fit beside the writes: read the referred items first instead
      return References.readFirst(cx, checks).then(commit(cx, parts, steps));
    }
    List<Step> all = new ArrayList<>(steps);
    checks.forEach(c -> all.add(References.step(c)));
    return commit(cx, parts, all);
  }

  private static Mono<ExecResponse> commit(DynamoContext cx, List<Part> parts,
      List<Step> steps) {
    Mono<ExecResponse> answers = Flux.fromIterable(parts)
        .concatMap(p -> p.answer().get(), 1).collectList().map(ExecResponse.Each::new);
    if (steps.isEmpty()) {
      return answers;
    }
    if (steps.size() > InsertOp.MAX_TRANSACTION_ITEMS) {
      return Mono.error(tooLarge(String.valueOf(steps.size())));
    }
    List<TransactWriteItem> items = steps.stream().map(Step::item).toList();
    TransactWriteItemsRequest request = TransactWriteItemsRequest.builder()
        .transactItems(items).build();
    Mono<Void> once = cx.call(() -> cx.client().transactWriteItems(
            request.toBuilder().clientRequestToken(DynamoContext.requestToken()).build()))
        .then()
        .onErrorMap(TransactionCanceledException.class, e -> blame(steps, e));
    return ConflictRetries.onConflict(once).then(answers);
  }

  /** The error of the first item whose condition failed, or {@code e} itself. */
  static RuntimeException blame(List<Step> steps, TransactionCanceledException e) {
    if (e.hasCancellationReasons()) {
      List<CancellationReason> reasons = e.cancellationReasons();
      for (int i = 0; i < reasons.size() && i < steps.size(); i++) {
        if ("ConditionalCheckFailed".equals(reasons.get(i).code())) {
          return steps.get(i).blame().apply(e, reasons.get(i));
        }
      }
    }
    return e;
  }
}
