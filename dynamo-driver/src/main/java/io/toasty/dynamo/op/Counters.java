package io.toasty.dynamo.op;

import io.toasty.dynamo.expr.Cond;
import io.toasty.dynamo.expr.Placeholders;
import io.toasty.dynamo.table.CountedRelation;
import io.toasty.dynamo.table.TableInfo;
import io.toasty.dynamo.table.Tables;
import io.toasty.error.CardinalityException;
import io.toasty.error.ForeignKeyViolationException;
import io.toasty.value.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The counters of limited relations ({@link CountedRelation}) in an atomic write: each write of a counted
 * record says how it moves its owners' counters ({@link Delta}), and the write's
 * TransactWriteItems gets one update per owner item, {@code SET count = count + n} conditioned on
 * the owner existing and, when it grows, on {@code count <= max - n}. Of concurrent writes that
 * would together pass the limit, the ones whose condition fails are cancelled whole; the failed
 * condition is read back as a {@link CardinalityException} naming the relation. An owner put in
 * the same write (a nested create) starts with its counters set; one deleted there is left alone.
 */
final class Counters {
  private Counters() {}

  /** How a write moves one owner's counter of one relation. */
  record Delta(CountedRelation limit, Map<String, AttributeValue> owner, int by) {}

  /** An owner item and what the write adds to each of its counters. */
  private record Owner(TableInfo table, Map<String, AttributeValue> key,
      Map<CountedRelation, Integer> by) {}

  /** The limits an update of {@code targets} in {@code t} may move records between owners of. */
  static List<CountedRelation> moved(Tables tables, TableInfo t, Set<Integer> targets) {
    return tables.limitsOf(t.name()).stream()
        .filter(l -> l.countedColumns().stream().anyMatch(targets::contains)).toList();
  }

  /** The columns of {@code limits} that point at owners. */
  static Set<Integer> columns(List<CountedRelation> limits) {
    Set<Integer> out = new LinkedHashSet<>();
    limits.forEach(l -> out.addAll(l.countedColumns()));
    return out;
  }

  /** A new record {@code item} of {@code t}: one more for each owner it points at. */
  static void inserted(Tables tables, TableInfo t, Map<String, AttributeValue> item,
      List<Delta> out) {
    for (CountedRelation l : tables.limitsOf(t.name())) {
      add(out, l, owner(l, item), 1);
    }
  }

  /** A record moved from {@code before} to {@code after}: its owners change (or not). */
  static void relinked(List<CountedRelation> limits, Map<String, AttributeValue> before,
      Map<String, AttributeValue> after, List<Delta> out) {
    for (CountedRelation l : limits) {
      Map<String, AttributeValue> from = owner(l, before);
      Map<String, AttributeValue> to = owner(l, after);
      if (!Objects.equals(from, to)) {
        add(out, l, from, -1);
        add(out, l, to, 1);
      }
    }
  }

  /** A deleted record {@code old} of {@code t}: one fewer for each owner it pointed at. */
  static void deleted(Tables tables, TableInfo t, Map<String, AttributeValue> old,
      List<Delta> out) {
    for (CountedRelation l : tables.limitsOf(t.name())) {
      add(out, l, owner(l, old), -1);
    }
  }

  private static void add(List<Delta> out, CountedRelation l,
      @Nullable Map<String, AttributeValue> owner, int by) {
    if (owner != null) {
      out.add(new Delta(l, owner, by));
    }
  }

  /** The key of the owner {@code item} points at through {@code l}, or null for none. */
  private static @Nullable Map<String, AttributeValue> owner(CountedRelation l,
      Map<String, AttributeValue> item) {
    Map<String, AttributeValue> key = new LinkedHashMap<>();
    List<Integer> pk = l.owner().primaryKey();
    for (int i = 0; i < pk.size(); i++) {
      AttributeValue a = item.get(l.counted().attribute(l.countedColumns().get(i)));
      if (a == null || Boolean.TRUE.equals(a.nul())) {
        return null;
      }
      key.put(l.owner().attribute(pk.get(i)), a);
    }
    return Items.canonical(key);
  }

  /**
   * {@code steps} with the counters {@code deltas} move: set in the put of an owner created by
   * the same write, added to the update of an owner the same write updates (DynamoDB takes one
   * action per item), else one update per owner item. An owner that only loses records is read
   * first: a missing owner, or one without the counter, has nothing to decrement. An owner the
   * same write deletes is left alone here: its delete is guarded instead ({@link Referrers}).
   */
  static Mono<List<AtomicWriteOp.Step>> apply(DynamoContext cx, List<AtomicWriteOp.Step> steps,
      List<Delta> deltas) {
    if (deltas.isEmpty()) {
      return Mono.just(steps);
    }
    List<AtomicWriteOp.Step> out = new ArrayList<>(steps);
    List<Owner> updated = new ArrayList<>();
    for (Owner o : owners(deltas)) {
      int put = find(out, o, Action.PUT);
      if (put >= 0) {
        out.set(put, started(out.get(put), o));
      } else if (find(out, o, Action.DELETE) < 0) {
        updated.add(o);
      }
    }
    return Flux.fromIterable(updated)
        .concatMap(o -> shrinking(o) ? present(cx, o) : Mono.just(o), 1)
        .filter(o -> !o.by().isEmpty())
        .collectList()
        .map(more -> {
          for (Owner o : more) {
            int at = find(out, o, Action.UPDATE);
            if (at >= 0) {
              out.set(at, folded(out.get(at), o));
            } else {
              out.add(update(o));
            }
          }
          return out;
        });
  }

  /** The deltas summed per owner item and relation, zeros dropped. */
  private static List<Owner> owners(List<Delta> deltas) {
    Map<List<Object>, Owner> out = new LinkedHashMap<>();
    for (Delta d : deltas) {
      Owner o = out.computeIfAbsent(List.of(d.limit().owner().name(), d.owner()),
          k -> new Owner(d.limit().owner(), d.owner(), new LinkedHashMap<>()));
      o.by().merge(d.limit(), d.by(), Integer::sum);
    }
    out.values().forEach(o -> o.by().values().removeIf(n -> n == 0));
    return out.values().stream().filter(o -> !o.by().isEmpty()).toList();
  }

  /** What a step of the transaction does to its item. */
  private enum Action { PUT, UPDATE, DELETE }

  /** The step that does {@code action} to {@code o}'s item, or -1. */
  private static int find(List<AtomicWriteOp.Step> steps, Owner o, Action action) {
    for (int i = 0; i < steps.size(); i++) {
      TransactWriteItem w = steps.get(i).item();
      String table = switch (action) {
        case PUT -> w.put() == null ? null : w.put().tableName();
        case UPDATE -> w.update() == null ? null : w.update().tableName();
        case DELETE -> w.delete() == null ? null : w.delete().tableName();
      };
      if (o.table().physicalName().equals(table)) {
        Map<String, AttributeValue> key = switch (action) {
          case PUT -> Items.keyOf(o.table(), w.put().item());
          case UPDATE -> w.update().key();
          case DELETE -> w.delete().key();
        };
        if (Items.canonical(key).equals(o.key())) {
          return i;
        }
      }
    }
    return -1;
  }

  /** The put of a new owner, with its counters at what the same write gives it. */
  private static AtomicWriteOp.Step started(AtomicWriteOp.Step step, Owner o) {
    Put put = step.item().put();
    Map<String, AttributeValue> item = new LinkedHashMap<>(put.item());
    o.by().forEach((l, n) -> {
      if (n > l.max()) {
        throw over(l, o.key(), n, null);
      }
      if (n > 0) {
        item.put(l.attribute(), AttributeValue.fromN(Integer.toString(n)));
      }
    });
    return new AtomicWriteOp.Step(step.item().toBuilder().put(put.toBuilder().item(item)
        .build()).build(), step.blame());
  }

  private static boolean shrinking(Owner o) {
    return o.by().values().stream().anyMatch(n -> n < 0);
  }

  /** {@code o} without the decrements its item, read now, has no counter for. */
  private static Mono<Owner> present(DynamoContext cx, Owner o) {
    return UniqueWrites.read(cx, o.table(), o.key())
        .map(item -> without(o, (l, n) -> n < 0 && !item.containsKey(l.attribute())))
        .defaultIfEmpty(without(o, (l, n) -> n < 0));
  }

  /** {@code o} without the counters {@code drop} holds for. */
  private static Owner without(Owner o, BiPredicate<CountedRelation, Integer> drop) {
    Map<CountedRelation, Integer> by = new LinkedHashMap<>(o.by());
    by.entrySet().removeIf(e -> drop.test(e.getKey(), e.getValue()));
    return new Owner(o.table(), o.key(), by);
  }

  /**
   * The update of {@code o}'s counters: it must exist, a decremented counter too (it was read),
   * and a counter of a limit that grows by {@code n} must be at most {@code max - n}.
   */
  private static AtomicWriteOp.Step update(Owner o) {
    Placeholders ph = new Placeholders();
    List<String> sets = new ArrayList<>();
    List<Cond> conditions = new ArrayList<>();
    conditions.add(UpdateByKeyOp.exists(o.table(), ph));
    AttributeValue zero = AttributeValue.fromN("0");
    o.by().forEach((l, n) -> {
      String c = ph.name(l.attribute());
      sets.add(c + " = if_not_exists(" + c + ", " + ph.value(zero) + ") + "
          + ph.value(AttributeValue.fromN(Integer.toString(n))));
      conditions.add(bound(o, l, n, c, ph::value));
    });
    String ue = "SET " + String.join(", ", sets);
    String ce = Cond.and(conditions).textOrNull();
    TransactWriteItem item = TransactWriteItem.builder().update(Update.builder()
        .tableName(o.table().physicalName()).key(o.key())
        .updateExpression(ue).conditionExpression(ce)
        .expressionAttributeNames(ph.names(ue, ce))
        .expressionAttributeValues(ph.values(ue, ce))
        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
        .build()).build();
    return new AtomicWriteOp.Step(item, (e, r) -> blame(o, e, r));
  }

  /**
   * What counter {@code c} of {@code l} must hold for {@code o}'s change by {@code n}: present
   * when it shrinks (it was read), at least {@code min - n} for a required has-one, at most
   * {@code max - n} when a limit's grows.
   */
  private static Cond bound(Owner o, CountedRelation l, int n,
      String c, Function<AttributeValue, String> value) {
    if (n > l.max()) {
      throw over(l, o.key(), n, null);
    }
    if (n < 0) {
      return l.min() > 0
          ? Cond.atom(c + " >= " + value.apply(AttributeValue.fromN(Integer.toString(l.min() - n))))
          : Cond.atom("attribute_exists(" + c + ")");
    }
    return !l.limiting() ? Cond.TRUE
        : Cond.or(List.of(Cond.atom("attribute_not_exists(" + c + ")"), Cond.atom(c + " <= "
            + value.apply(AttributeValue.fromN(Integer.toString(l.max() - n))))));
  }

  /**
   * {@code step}, an update of {@code o}'s item the write makes anyway, with {@code o}'s counters
   * added ({@code ADD}) and their bounds joined to its condition, under placeholders of their own.
   */
  private static AtomicWriteOp.Step folded(AtomicWriteOp.Step step, Owner o) {
    Update u = step.item().update();
    Map<String, String> names = new LinkedHashMap<>(u.expressionAttributeNames());
    Map<String, AttributeValue> values = new LinkedHashMap<>(u.expressionAttributeValues());
    List<String> adds = new ArrayList<>();
    List<Cond> conditions = new ArrayList<>();
    if (u.conditionExpression() != null) {
      conditions.add(new Cond.Text(u.conditionExpression(), Cond.Kind.OR));
    }
    o.by().forEach((l, n) -> {
      String c = "#c" + names.size();
      names.put(c, l.attribute());
      Function<AttributeValue, String> value = v -> {
        String p = ":c" + values.size();
        values.put(p, v);
        return p;
      };
      adds.add(c + " " + value.apply(AttributeValue.fromN(Integer.toString(n))));
      conditions.add(bound(o, l, n, c, value));
    });
    String ue = u.updateExpression();
    String add = String.join(", ", adds);
    ue = ue.contains("ADD ") ? ue.replace("ADD ", "ADD " + add + ", ") : ue + " ADD " + add;
    Update merged = u.toBuilder().updateExpression(ue)
        .conditionExpression(Cond.and(conditions).textOrNull())
        .expressionAttributeNames(names).expressionAttributeValues(values)
        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build();
    return new AtomicWriteOp.Step(step.item().toBuilder().update(merged).build(), (e, r) -> {
      RuntimeException counted = r.hasItem() && !r.item().isEmpty() ? blame(o, e, r) : null;
      return counted instanceof CardinalityException ? counted : step.blame().apply(e, r);
    });
  }

  /**
   * Why an owner's counter update failed: a counter over its limit (the first, in relation
   * order), the owner missing (a new record pointing at no record), or a counter read as present
   * and gone since (the owner deleted in between: transient).
   */
  private static RuntimeException blame(Owner o, TransactionCanceledException e,
      CancellationReason r) {
    if (!r.hasItem() || r.item().isEmpty()) {
      CountedRelation l = o.by().keySet().iterator().next();
      TableInfo t = l.owner();
      return new ForeignKeyViolationException(l.counted().model(),
          l.counted().fieldNames(l.countedColumns()), "no " + l.model() + " has "
          + t.fieldNames(t.primaryKey()) + " = " + References.showKey(t, o.key())
          + "; nothing was written", e);
    }
    for (Map.Entry<CountedRelation, Integer> d : o.by().entrySet()) {
      AttributeValue now = r.item().get(d.getKey().attribute());
      long count = (now == null ? 0 : new BigDecimal(now.n()).longValueExact()) + d.getValue();
      if (d.getValue() > 0 && count > d.getKey().max()
          || d.getValue() < 0 && count < d.getKey().min()) {
        return over(d.getKey(), o.key(), count, e);
      }
    }
    return UniqueWrites.tooManyChanges(o.table(), e);
  }

  /** The error for {@code owner} left with {@code count} records of {@code l}. */
  static CardinalityException over(CountedRelation l, Map<String, AttributeValue> owner,
      long count, @Nullable Throwable cause) {
    TableInfo t = l.owner();
    Value.Record key = Items.row(t, t.primaryKey(), owner);
    StringBuilder record = new StringBuilder(l.model()).append('(');
    for (int i = 0; i < key.size(); i++) {
      record.append(i == 0 ? "" : ", ").append(t.fieldName(t.primaryKey().get(i)))
          .append(" = ").append(key.get(i));
    }
    record.append(')');
    return l.min() > 0
        ? CardinalityException.exactlyOne(l.model(), l.relation(), record.toString(), count, cause)
        : new CardinalityException(l.model(), l.relation(), record.toString(), l.max(), count,
            cause);
  }
}
