package io.toasty.dynamo.op;

import io.toasty.dynamo.table.CountedRelation;
import io.toasty.dynamo.table.TableInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The {@code @AtMost} limits of an optimistic transaction's writes, checked at each statement
 * as a database's check would be: the owner's stored counter plus what the transaction's
 * buffered writes of {@code t} add to it must stay within the limit, else the statement fails
 * with a {@code CardinalityException} and buffers nothing. The COMMIT's counter updates hold the
 * limit against concurrent writers ({@link Counters}); a required has-one's lower bound is left
 * to them, as it is checked at the end. Tested by the TCK's {@code CardinalityTest}.
 */
final class TxLimits {
  private TxLimits() {}

  static Mono<Void> check(TxLedger l, TableInfo t) {
    return Mono.defer(() -> {
      List<Counters.Delta> deltas = new ArrayList<>();
      Map<TxLedger.Ref, Optional<Map<String, AttributeValue>>> reads = l.reads();
      l.writes().forEach((ref, now) -> {
        if (ref.table() == t) {
          moved(l.context(), t, Objects.requireNonNull(reads.get(ref),
              "a buffered write's item was read first (TxLedger.write)"), now, deltas);
        }
      });
      Map<List<Object>, Integer> grown = new LinkedHashMap<>();
      for (Counters.Delta d : deltas) {
        if (d.limit().limiting() && d.limit().min() == 0) {
          grown.merge(List.of(d.limit(), d.owner()), d.by(), Integer::sum);
        }
      }
      return Flux.fromIterable(grown.entrySet())
          .filter(e -> e.getValue() > 0)
          .concatMap(e -> within(l, (CountedRelation) e.getKey().get(0),
              cast(e.getKey().get(1)), e.getValue()), 1)
          .then();
    });
  }

  private static void moved(DynamoContext cx, TableInfo t,
      Optional<Map<String, AttributeValue>> before, Optional<Map<String, AttributeValue>> now,
      List<Counters.Delta> deltas) {
    if (before.isEmpty() && now.isPresent()) {
      Counters.inserted(cx.tables(), t, now.get(), deltas);
    } else if (before.isPresent() && now.isEmpty()) {
      Counters.deleted(cx.tables(), t, before.get(), deltas);
    } else if (before.isPresent()) {
      Counters.relinked(cx.tables().limitsOf(t.name()), before.get(), now.get(), deltas);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, AttributeValue> cast(Object key) {
    return (Map<String, AttributeValue>) key;
  }

  /** Fails when {@code owner}'s stored count of {@code r} plus {@code added} passes its max. */
  private static Mono<Void> within(TxLedger l, CountedRelation r,
      Map<String, AttributeValue> owner, int added) {
    return l.load(r.owner(), owner).flatMap(item -> {
      AttributeValue stored = item.map(i -> i.get(r.attribute())).orElse(null);
      long count = (stored == null || stored.n() == null ? 0 : Long.parseLong(stored.n()))
          + added;
      return count > r.max() ? Mono.error(Counters.over(r, owner, count, null)) : Mono.empty();
    });
  }
}
