package io.toasty.dynamo.op;

import io.toasty.dynamo.expr.AttributeOrder;
import io.toasty.dynamo.expr.Cond;
import io.toasty.dynamo.expr.Placeholders;
import io.toasty.dynamo.table.TableInfo;
import io.toasty.error.SerializationFailureException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * What updates and deletes of records with unique values share: the item is read first
 * (strongly consistent), the write is conditioned on its unique values being still those read
 * (the guard), and the uniqueness items change in the same transaction. A cancelled transaction
 * is read back from its cancellation reasons: the item gone or no longer matching the filter (it
 * counts nothing), its unique values changed in between (read and try again), or a new unique
 * value held by another record (a {@code UniqueViolationException}).
 */
final class UniqueWrites {
  /** How many times a read-guard-write is tried when the values change in between. */
  static final int MAX_ATTEMPTS = 5;

  private UniqueWrites() {}

  /** The item with key {@code key}, read strongly consistent; empty when there is none. */
  static Mono<Map<String, AttributeValue>> read(DynamoContext cx, TableInfo t,
      Map<String, AttributeValue> key) {
    GetItemRequest request = GetItemRequest.builder().tableName(t.physicalName()).key(key)
        .consistentRead(true).build();
    return cx.call(() -> cx.client().getItem(request))
        .filter(r -> r.hasItem() && !r.item().isEmpty())
        .map(r -> r.item());
  }

  /**
   * The unique indexes of {@code t} that an update of {@code targets} changes: those with a
   * target column, and those of live items only when the update sets the soft-delete marker (a
   * soft delete or a restore).
   */
  static List<TableInfo.Index> touched(TableInfo t, Set<Integer> targets) {
    List<TableInfo.Index> out = new ArrayList<>();
    for (TableInfo.Index ix : t.uniqueIndexes()) {
      if (ix.columns().stream().anyMatch(targets::contains)
          || t.liveOnly(ix) && targets.contains(t.markerColumn())) {
        out.add(ix);
      }
    }
    return out;
  }

  /** The columns of {@code indexes}, with the soft-delete marker where one holds live items. */
  static Set<Integer> columns(TableInfo t, List<TableInfo.Index> indexes) {
    Set<Integer> out = new LinkedHashSet<>();
    for (TableInfo.Index ix : indexes) {
      out.addAll(ix.columns());
      if (t.liveOnly(ix)) {
        out.add(t.markerColumn());
      }
    }
    return out;
  }

  /** The condition that each of {@code columns} still has its value in {@code old}. */
  static Cond guard(TableInfo t, Set<Integer> columns, Map<String, AttributeValue> old,
      Placeholders ph) {
    List<Cond> parts = new ArrayList<>();
    for (int c : columns) {
      String name = ph.name(t.attribute(c));
      AttributeValue v = old.get(t.attribute(c));
      parts.add(v == null ? Cond.atom("attribute_not_exists(" + name + ")")
          : Cond.atom(name + " = " + ph.value(v)));
    }
    return Cond.and(parts);
  }

  /** Whether the guarded values of {@code now} differ from those of {@code old}. */
  static boolean changed(TableInfo t, Set<Integer> columns, Map<String, AttributeValue> old,
      Map<String, AttributeValue> now) {
    for (int c : columns) {
      AttributeValue a = old.get(t.attribute(c));
      AttributeValue b = now.get(t.attribute(c));
      if (a == null || b == null ? !Objects.equals(a, b) : !AttributeOrder.equal(a, b)) {
        return true;
      }
    }
    return false;
  }

  /** How a cancelled guarded write ended. */
  enum Cancelled { NOT_MATCHED, RETRY, OTHER }

  /**
   * Reads the reason for item 0 (the guarded record write) of a cancelled transaction: the
   * record is gone or the filter failed ({@code NOT_MATCHED}), the guarded values changed
   * ({@code RETRY}), or item 0 was not the cause ({@code OTHER}).
   */
  static Cancelled reason(TableInfo t, Set<Integer> guarded, Map<String, AttributeValue> old,
      TransactionCanceledException e) {
    if (!e.hasCancellationReasons() || e.cancellationReasons().isEmpty()) {
      return Cancelled.OTHER;
    }
    CancellationReason r = e.cancellationReasons().get(0);
    if (!"ConditionalCheckFailed".equals(r.code())) {
      return Cancelled.OTHER;
    }
    if (!r.hasItem() || r.item().isEmpty()) {
      return Cancelled.NOT_MATCHED;
    }
    return changed(t, guarded, old, r.item()) ? Cancelled.RETRY : Cancelled.NOT_MATCHED;
  }

  /**
   * The error when the guarded values (unique values, values an update reads) kept changing:
   * transient, the caller may try the whole write again.
   */
  static SerializationFailureException tooManyChanges(TableInfo t, @Nullable Throwable cause) {
    return tooManyChanges(t, MAX_ATTEMPTS, cause);
  }

  /** The same, after {@code attempts} attempts. */
  static SerializationFailureException tooManyChanges(TableInfo t, int attempts,
      @Nullable Throwable cause) {
    return new SerializationFailureException(TableInfo.BACKEND, null, "the values an update of a "
        + (t.model() == null ? t.name() : t.model()) + " record reads kept changing during the "
        + "write (" + attempts + " attempts)", cause);
  }
}
