package io.toasty.dynamo.op;

import io.toasty.dynamo.table.TableInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What an optimistic transaction ({@link OptimisticTx}) has read and what it will write: per
 * item, the image its first read found (empty when the item was absent), and the image it
 * leaves after its buffered writes (empty when it deletes the item). Reads see the buffered
 * image first, then the one read before, so a transaction reads its own writes and reads an
 * item the same way twice. Savepoints are copies of the buffered writes. Guarded by its own
 * lock: the engine sends one operation at a time, but a stream's items may arrive on another
 * thread than the next write.
 */
final class TxLedger {
  /** An item of a table, by its canonical key. */
  record Ref(TableInfo table, Map<String, AttributeValue> key) {
    static Ref of(TableInfo t, Map<String, AttributeValue> item) {
      return new Ref(t, Items.canonical(Items.keyOf(t, item)));
    }
  }

  private final DynamoContext cx;
  private final Map<Ref, Optional<Map<String, AttributeValue>>> seen = new LinkedHashMap<>();
  private LinkedHashMap<Ref, Optional<Map<String, AttributeValue>>> writes =
      new LinkedHashMap<>();
  private final Map<String, LinkedHashMap<Ref, Optional<Map<String, AttributeValue>>>> marks =
      new HashMap<>();

  TxLedger(DynamoContext cx) {
    this.cx = cx;
  }

  DynamoContext context() {
    return cx;
  }

  /**
   * The item {@code key} of {@code t} as this transaction sees it: buffered, else as read
   * before, else read now (strongly consistent) and recorded.
   */
  Mono<Optional<Map<String, AttributeValue>>> load(TableInfo t, Map<String, AttributeValue> key) {
    Ref ref = new Ref(t, Items.canonical(key));
    return Mono.defer(() -> {
      Optional<Map<String, AttributeValue>> known = known(ref);
      if (known != null) {
        return Mono.just(known);
      }
      return UniqueWrites.read(cx, t, key).map(Optional::of)
          .defaultIfEmpty(Optional.empty())
          .map(item -> saw(ref, item));
    });
  }

  /** The buffered or earlier read image of {@code ref}, or null when it is not known yet. */
  synchronized @Nullable Optional<Map<String, AttributeValue>> known(Ref ref) {
    Optional<Map<String, AttributeValue>> w = writes.get(ref);
    return w != null ? w : seen.get(ref);
  }

  /**
   * Records that {@code ref} was read as {@code item}, unless it was read before; answers what
   * the transaction sees of it.
   */
  synchronized Optional<Map<String, AttributeValue>> saw(Ref ref,
      Optional<Map<String, AttributeValue>> item) {
    Optional<Map<String, AttributeValue>> w = writes.get(ref);
    if (w != null) {
      return w;
    }
    Optional<Map<String, AttributeValue>> before = seen.putIfAbsent(ref, item);
    return before != null ? before : item;
  }

  /** Buffers {@code ref}'s image after a write (empty: deleted). It must have been read. */
  synchronized void write(Ref ref, Optional<Map<String, AttributeValue>> item) {
    if (!seen.containsKey(ref)) {
      throw new IllegalStateException("a buffered write of an item not read: " + ref);
    }
    writes.put(ref, item);
  }

  /** The buffered writes, in the order their items were first written. */
  synchronized Map<Ref, Optional<Map<String, AttributeValue>>> writes() {
    return new LinkedHashMap<>(writes);
  }

  /** Every item read, with the image its first read found. */
  synchronized Map<Ref, Optional<Map<String, AttributeValue>>> reads() {
    return new LinkedHashMap<>(seen);
  }

  /** The buffered images of {@code t}'s items the transaction creates or changes. */
  synchronized List<Map<String, AttributeValue>> written(TableInfo t) {
    List<Map<String, AttributeValue>> out = new ArrayList<>();
    writes.forEach((ref, item) -> {
      if (ref.table() == t && item.isPresent()) {
        out.add(item.get());
      }
    });
    return out;
  }

  /** The buffered writes as they are now, to go back to with {@link #restore}. */
  synchronized LinkedHashMap<Ref, Optional<Map<String, AttributeValue>>> snapshot() {
    return new LinkedHashMap<>(writes);
  }

  /** Drops the writes buffered since {@code snapshot} was taken. */
  synchronized void restore(LinkedHashMap<Ref, Optional<Map<String, AttributeValue>>> snapshot) {
    writes = new LinkedHashMap<>(snapshot);
  }

  /** A savepoint: a mark of the writes buffered so far. */
  synchronized void mark(String name) {
    marks.put(name, snapshot());
  }

  /** Forgets savepoint {@code name}; its writes stay. */
  synchronized void release(String name) {
    marks.remove(name);
  }

  /** Drops the writes buffered after savepoint {@code name}; the reads stay recorded. */
  synchronized void rollbackTo(String name) {
    LinkedHashMap<Ref, Optional<Map<String, AttributeValue>>> mark = marks.get(name);
    if (mark == null) {
      throw new IllegalStateException("no savepoint " + name + " in this transaction");
    }
    restore(mark);
  }
}
