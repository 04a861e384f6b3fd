package io.toasty.dynamo.op;

import io.toasty.Feature;
import io.toasty.dynamo.table.TableInfo;
import io.toasty.error.ForeignKeyViolationException;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.schema.db.TableForeignKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Checked belongs-to keys on DynamoDB ({@link TableForeignKey}, from a relation neither
 * {@code @BelongsTo.Unchecked} nor spread over other columns): a write that sets one sends, in
 * its own TransactWriteItems, a {@code ConditionCheck} that the referenced item exists
 * ({@code attribute_exists} on its partition key), so a key to a missing record cancels the
 * whole write, read back as a {@link ForeignKeyViolationException} naming the model, the field
 * and the key. A referenced item that the same transaction writes is not checked (a nested
 * create puts its parent beside its children; DynamoDB takes one action per item). Where the
 * checks do not fit beside the writes in 100 items, the referred items are read first instead
 * ({@link #readFirst}). A key to a unique index rather than to the target's primary key is not
 * checked here. Tested by the TCK's
 * {@code ReferentialIntegrityTest}; the cost is in docs/dynamodb.md.
 */
final class References {
  private References() {}

  /** A record as a write leaves it: the item's attributes after the write. */
  record Written(TableInfo table, Map<String, AttributeValue> item) {}

  /** Whether writing {@code columns} of {@code t} (all of them: null) can set a checked key. */
  static boolean checks(TableInfo t, @Nullable Set<Integer> columns) {
    for (TableForeignKey fk : t.schema().foreignKeys()) {
      if (columns == null || fk.columns().stream().anyMatch(columns::contains)) {
        return true;
      }
    }
    return false;
  }

  /** A referred item to check: {@code fk} of {@code table} names {@code key} of {@code target}. */
  record Check(TableInfo table, TableForeignKey fk, TableInfo target,
      Map<String, AttributeValue> key) {}

  /**
   * The items the keys {@code written} holds refer to, each once, leaving out the items that
   * {@code items} (the transaction's other actions) touch.
   */
  static List<Check> checks(DynamoContext cx, List<Written> written,
      List<TransactWriteItem> items) {
    Set<String> touched = new HashSet<>();
    for (TransactWriteItem i : items) {
      touched.add(touchedKey(cx, i));
    }
    List<Check> out = new ArrayList<>();
    for (Written w : written) {
      for (TableForeignKey fk : w.table().schema().foreignKeys()) {
        TableInfo target = cx.table(fk.referencedTable());
        Map<String, AttributeValue> key = targetKey(w, fk, target);
        if (key != null && touched.add(target.physicalName() + Items.canonical(key))) {
          out.add(new Check(w.table(), fk, target, key));
        }
      }
    }
    return out;
  }

  /**
   * {@code checks} read before the write, where they do not fit in its transaction beside its
   * writes: one strongly consistent GetItem each, failing with the first missing one's error.
   * Not atomic with the write (docs/dynamodb.md says what may slip past).
   */
  static Mono<Void> readFirst(DynamoContext cx, List<Check> checks) {
    return Flux.fromIterable(checks)
        .flatMap(c -> cx.call(() -> cx.client().getItem(
                GetItemRequest.builder()
                    .tableName(c.target().physicalName()).key(c.key()).consistentRead(true)
                    .projectionExpression("#k")
                    .expressionAttributeNames(Map.of("#k",
                        c.target().attribute(c.target().partitionKey())))
                    .build()))
            .flatMap(r -> r.hasItem() && !r.item().isEmpty()
                ? Mono.<Void>empty()
                : Mono.error(missing(c, null))), UpdateByKeyOp.CONCURRENCY)
        .then();
  }

  /** The table and canonical key of the item {@code i} acts on. */
  static String touchedKey(DynamoContext cx, TransactWriteItem i) {
    if (i.put() != null) {
      TableInfo t = cx.tables().byPhysicalName(i.put().tableName());
      return t == null ? i.put().tableName()
          : t.physicalName() + Items.canonical(Items.keyOf(t, i.put().item()));
    }
    if (i.update() != null) {
      return i.update().tableName() + Items.canonical(i.update().key());
    }
    if (i.delete() != null) {
      return i.delete().tableName() + Items.canonical(i.delete().key());
    }
    return i.conditionCheck().tableName() + Items.canonical(i.conditionCheck().key());
  }

  /** The target's key {@code w}'s {@code fk} holds; null when NULL or not to its primary key. */
  private static @Nullable Map<String, AttributeValue> targetKey(Written w, TableForeignKey fk,
      TableInfo target) {
    if (!fk.referencedColumns().equals(target.primaryKey())) {
      return null;
    }
    Map<String, AttributeValue> key = new LinkedHashMap<>();
    for (int i = 0; i < fk.columns().size(); i++) {
      AttributeValue a = w.item().get(w.table().attribute(fk.columns().get(i)));
      if (a == null || Boolean.TRUE.equals(a.nul())) {
        return null;
      }
      key.put(target.attribute(fk.referencedColumns().get(i)), a);
    }
    return key;
  }

  /** The ConditionCheck of {@code c}, inside the write's transaction. */
  static AtomicWriteOp.Step step(Check c) {
    TransactWriteItem item = TransactWriteItem.builder().conditionCheck(ConditionCheck.builder()
        .tableName(c.target().physicalName()).key(c.key())
        .conditionExpression("attribute_exists(#k)")
        .expressionAttributeNames(Map.of("#k", c.target().attribute(c.target().partitionKey())))
        .build()).build();
    return new AtomicWriteOp.Step(item, (e, r) -> missing(c, e));
  }

  private static ForeignKeyViolationException missing(Check c, @Nullable Throwable cause) {
    return new ForeignKeyViolationException(c.table().model(),
        c.table().fieldNames(c.fk().columns()), "no " + c.target().model() + " has "
        + c.target().fieldNames(c.fk().referencedColumns()) + " = " + showKey(c.target(), c.key())
        + "; nothing was written", cause);
  }

  /**
   * Fails with a {@link ForeignKeyViolationException} when a record of a
   * {@code @BelongsTo.Restrict} relation refers to one of {@code keys}, items of {@code t} about
   * to be deleted: one Query (Limit 1) of the referring table's index on its key per deleted
   * item. DynamoDB cannot hold this read and the delete in one transaction, and an index is
   * eventually consistent: a record written to refer to the item while it is deleted may slip
   * past (docs/dynamodb.md).
   */
  static Mono<Void> unreferenced(DynamoContext cx, TableInfo t,
      List<Map<String, AttributeValue>> keys) {
    List<Mono<Void>> checks = new ArrayList<>();
    for (TableInfo child : cx.tables().all()) {
      for (TableForeignKey fk : child.schema().foreignKeys()) {
        if (fk.onDelete() != TableForeignKey.OnDelete.RESTRICT
            || !fk.referencedTable().equals(t.name()) || fk.columns().size() != 1
            || !fk.referencedColumns().equals(t.primaryKey())) {
          continue;
        }
        TableInfo.Index ix = child.indexes().stream()
            .filter(i -> !i.unique() && i.columns().get(0).equals(fk.columns().get(0)))
            .findFirst().orElse(null);
        for (Map<String, AttributeValue> key : keys) {
          AttributeValue v = key.get(t.attribute(fk.referencedColumns().get(0)));
          checks.add(referring(cx, child, fk, ix,
              Objects.requireNonNull(v, "a primary key holds its parts"), t));
        }
      }
    }
    return Flux.concat(checks).then();
  }

  private static Mono<Void> referring(DynamoContext cx, TableInfo child,
      TableForeignKey fk, TableInfo.@Nullable Index ix, AttributeValue value, TableInfo target) {
    String field = child.fieldNames(fk.columns());
    if (ix == null) {
      return Mono.error(new UnsupportedFeatureException(
          Feature.SCAN, TableInfo.BACKEND, child.model() + "." + field + " restricts "
          + "deletes of " + target.model() + " but has no @Index to find its records by: "
          + "index it"));
    }
    var request = QueryRequest.builder()
        .tableName(child.physicalName()).indexName(ix.name())
        .keyConditionExpression("#k = :v")
        .expressionAttributeNames(Map.of("#k", child.attribute(fk.columns().get(0))))
        .expressionAttributeValues(Map.of(":v", value))
        .select(Select.COUNT).limit(1).build();
    return cx.call(() -> cx.client().query(request))
        .flatMap(r -> r.count() == 0 ? Mono.<Void>empty()
            : Mono.error(new ForeignKeyViolationException(child.model(),
                field, "a " + child.model() + " still refers to the " + target.model()
                + " with " + target.fieldNames(fk.referencedColumns()) + " = " + show(value)
                + " (@BelongsTo.Restrict); nothing was deleted", null)));
  }

  /** The primary key {@code key} of an item of {@code t}, in key order, as messages show it. */
  static String showKey(TableInfo t, Map<String, AttributeValue> key) {
    return t.primaryKey().stream().map(c -> show(key.get(t.attribute(c))))
        .reduce((a, b) -> a + ", " + b).orElse("");
  }

  /** {@code a} as a message shows a key: its number or string. */
  static String show(@Nullable AttributeValue a) {
    return a == null ? "null" : a.n() != null ? a.n() : a.s() != null ? a.s() : String.valueOf(a);
  }
}
