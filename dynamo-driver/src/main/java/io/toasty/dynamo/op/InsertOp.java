package io.toasty.dynamo.op;

import io.toasty.Feature;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.dynamo.table.TableInfo;
import io.toasty.error.UniqueViolationException;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * {@code Operation.Insert}: each row is put with {@code attribute_not_exists} on the partition
 * key, so a duplicate key is a {@link UniqueViolationException} naming the key fields. A row with
 * unique values, and any insert of several rows, is one TransactWriteItems with the rows and
 * their uniqueness items: all or nothing, within DynamoDB's limits (100 items, 4 MB), beyond which
 * the insert is refused with an {@link UnsupportedFeatureException} before anything is written.
 * A non-atomic insert ({@code atomic() == false}, which the planner allows only where no row can
 * collide with a stored one) of a table without unique values goes as unconditional
 * BatchWriteItem puts instead ({@link BatchPuts}).
 * Records that a limited relation counts are written with their owners' counters
 * ({@link CountedWrites}).
 * Returns the count, or with {@code Returning.Project}/{@code Keys} the rows as stored.
 */
public final class InsertOp {
  /** TransactWriteItems takes at most this many items. */
  static final int MAX_TRANSACTION_ITEMS = 100;
  /** ... and at most this many bytes (with a margin for attribute names and overhead). */
  static final long MAX_TRANSACTION_BYTES = 4L * 1024 * 1024 - 64 * 1024;

  private InsertOp() {}

  public static Mono<ExecResponse> run(DynamoContext cx, Operation.Insert op) {
    return Mono.defer(() -> {
      InsertNode s = op.statement();
      TableInfo t = table(cx, op);
      List<Map<String, AttributeValue>> items = items(t, op);
      if (!s.atomic() && References.checks(t, null) && !CountedWrites.counts(cx, t, items)) {
        // each record alone, with its keys' checks: one TransactWriteItems per record
        return Flux.fromIterable(s.rows())
            .flatMap(row -> AtomicWriteOp.run(cx, List.of(new Operation.Insert(
                s.with(s.columns(), List.of(row), new Returning.Count()), op.args(),
                op.rowType()))), UpdateByKeyOp.CONCURRENCY)
            .then(Mono.fromSupplier(() -> response(t, s, items)));
      }
      if (CountedWrites.counts(cx, t, items) || References.checks(t, null)) {
        return CountedWrites.insert(cx, op);
      }
      Mono<Void> write = !s.atomic() && t.uniqueIndexes().isEmpty()
          ? BatchPuts.write(cx, t, items) : write(cx, t, items);
      return write.then(Mono.fromSupplier(() -> response(t, s, items)));
    }).onErrorMap(DynamoContext::translate);
  }

  /** The table {@code op} inserts into. */
  static TableInfo table(DynamoContext cx, Operation.Insert op) {
    return cx.table(((Source.Table) op.statement().target()).table());
  }

  /**
   * The items {@code op} puts, one per row.
   *
   * @throws io.toasty.error.ItemTooLargeException when one is larger than DynamoDB stores
   */
  static List<Map<String, AttributeValue>> items(TableInfo t, Operation.Insert op) {
    InsertNode s = op.statement();
    List<Map<String, AttributeValue>> items = new ArrayList<>(s.rows().size());
    for (ExprNode.Record row : s.rows()) {
      Value[] values = new Value[t.columnCount()];
      for (int i = 0; i < s.columns().size(); i++) {
        values[s.columns().get(i)] = value(row.fields().get(i), op.args());
      }
      Map<String, AttributeValue> item = Items.item(t, values);
      Sizes.checkItem(t, item); // DynamoDB refuses items over 400 KB: say so before sending
      items.add(item);
    }
    return items;
  }

  private static Value value(ExprNode e, List<Value> args) {
    if (e instanceof ExprNode.Arg a) {
      return args.get(a.index());
    }
    if (e instanceof ExprNode.Const c) {
      return c.value();
    }
    throw new IllegalArgumentException("an insert row holds " + e + "; the planner binds values");
  }

  static ExecResponse response(TableInfo t, InsertNode s,
      List<Map<String, AttributeValue>> items) {
    List<Integer> columns;
    if (s.returning() instanceof Returning.Keys k) {
      columns = k.indexes();
    } else if (s.returning() instanceof Returning.Project) {
      columns = t.allColumns();
    } else {
      return new ExecResponse.Count(items.size());
    }
    List<Value.Record> rows = new ArrayList<>(items.size());
    items.forEach(item -> rows.add(Items.row(t, columns, item)));
    return new ExecResponse.Rows(Flux.fromIterable(rows));
  }

  private static Mono<Void> write(DynamoContext cx, TableInfo t,
      List<Map<String, AttributeValue>> items) {
    List<Uniqueness.Claim> claims = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      claims.addAll(Uniqueness.claims(t, items.get(i), i));
    }
    if (items.size() == 1 && claims.isEmpty()) {
      return putOne(cx, t, items.get(0));
    }
    checkWithinBatch(t, items, claims);
    List<TransactWriteItem> writes = new ArrayList<>();
    long bytes = 0;
    for (Map<String, AttributeValue> item : items) {
      writes.add(TransactWriteItem.builder().put(newItem(t, item)).build());
      bytes += Sizes.item(item);
    }
    for (Uniqueness.Claim c : claims) {
      writes.add(Uniqueness.put(t, c.key(), Items.keyOf(t, items.get(c.row()))));
      bytes += c.key().length() + 64;
    }
    if (writes.size() > MAX_TRANSACTION_ITEMS || bytes > MAX_TRANSACTION_BYTES) {
      return Mono.error(new UnsupportedFeatureException(Feature.TRANSACTION_SIZE,
          TableInfo.BACKEND, "an atomic write of more than "
          + MAX_TRANSACTION_ITEMS + " items or 4 MB" + ": " + items.size()
          + " records of " + (t.model() == null ? t.name() : t.model()) + " need "
          + writes.size() + " items (" + claims.size() + " for unique values), about " + bytes
          + " bytes; DynamoDB's TransactWriteItems takes 100 items and 4 MB: insert in smaller "
          + "batches"));
    }
    TransactWriteItemsRequest request = TransactWriteItemsRequest.builder()
        .transactItems(writes).build();
    Mono<Void> once = cx.call(() -> cx.client().transactWriteItems(
            request.toBuilder().clientRequestToken(DynamoContext.requestToken()).build()))
        .then()
        .onErrorMap(TransactionCanceledException.class, e -> {
          RuntimeException v = violation(t, e, items.size(), claims);
          return v != null ? v : e;
        });
    return ConflictRetries.onConflict(once);
  }

  private static Mono<Void> putOne(DynamoContext cx, TableInfo t,
      Map<String, AttributeValue> item) {
    Put put = newItem(t, item);
    PutItemRequest request = PutItemRequest.builder()
        .tableName(put.tableName())
        .item(put.item())
        .conditionExpression(put.conditionExpression())
        .expressionAttributeNames(put.expressionAttributeNames())
        .build();
    return ConflictRetries.onConflict(cx.call(() -> cx.client().putItem(request)).then())
        .onErrorMap(ConditionalCheckFailedException.class, e -> Uniqueness.duplicateKey(t, e));
  }

  /** A put of a new item: it must not exist yet. */
  static Put newItem(TableInfo t, Map<String, AttributeValue> item) {
    return Put.builder()
        .tableName(t.physicalName())
        .item(item)
        .conditionExpression("attribute_not_exists(#k)")
        .expressionAttributeNames(Map.of("#k", t.attribute(t.partitionKey())))
        .build();
  }

  /** Two rows of one batch with one key or one unique value: refused before writing. */
  private static void checkWithinBatch(TableInfo t, List<Map<String, AttributeValue>> items,
      List<Uniqueness.Claim> claims) {
    Map<Map<String, AttributeValue>, Integer> keys = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      if (keys.putIfAbsent(Items.keyOf(t, items.get(i)), i) != null) {
        throw Uniqueness.duplicateKey(t, null);
      }
    }
    Map<String, Uniqueness.Claim> seen = new HashMap<>();
    for (Uniqueness.Claim c : claims) {
      if (seen.putIfAbsent(c.key(), c) != null) {
        throw Uniqueness.violation(t, c.index(), null);
      }
    }
  }

  /** The violation a cancelled transaction reports, or null when it was not one. */
  private static @Nullable RuntimeException violation(TableInfo t, TransactionCanceledException e,
      int rows, List<Uniqueness.Claim> claims) {
    if (!e.hasCancellationReasons()) {
      return null;
    }
    List<CancellationReason> reasons = e.cancellationReasons();
    for (int i = 0; i < reasons.size(); i++) {
      if ("ConditionalCheckFailed".equals(reasons.get(i).code())) {
        return i < rows ? Uniqueness.duplicateKey(t, e)
            : Uniqueness.violation(t, claims.get(i - rows).index(), e);
      }
    }
    return null;
  }
}
