package io.toasty.reactive.internal.write;

import io.toasty.Executor;
import io.toasty.driver.Capability;
import io.toasty.error.CardinalityException;
import io.toasty.planner.cardinality.CardinalityGuard;
import io.toasty.schema.Schema;
import io.toasty.schema.app.AutoStrategy;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.RowLock;
import io.toasty.stmt.Source;
import io.toasty.stmt.StatementNode;
import io.toasty.stmt.UpdateNode;
import io.toasty.value.Value;
import io.toasty.value.Values;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs a write whose {@link CardinalityGuard}s name records with a limited relation, in the
 * transaction it is given: locks those records (in one order, so two such writes cannot
 * deadlock on each other), runs the write, counts each record's related records and fails with
 * {@link CardinalityException} where one is over its limit, so the transaction (or savepoint)
 * rolls the write back. The lock makes a concurrent write to the same record wait until this
 * transaction ends, and its count then sees this one's records: the limit holds under
 * concurrency.
 */
public final class CardinalityCheck {
  private CardinalityCheck() {}

  /**
   * {@code statement} run by {@code write} in {@code tx}, checked against {@code guards}; the
   * guards of required has-ones go to {@code defer}, checked when the transaction ends
   * ({@link RequiredOneCheck}).
   */
  public static Flux<Value> run(Executor tx, Schema schema, Capability capability, StatementNode statement,
      List<CardinalityGuard> guards, Function<StatementNode, Flux<Value>> write,
      Consumer<List<CardinalityGuard>> defer) {
    return resolved(tx, guards).flatMapMany(known -> locks(tx, schema, capability, known)
        .then(Mono.fromRunnable(() -> defer.accept(required(known))))
        .then(write.apply(statement).collectList())
        .flatMapMany(rows -> Flux.fromIterable(known)
            .filter(g -> !g.required())
            .concatMap(g -> count(tx, schema, g), 1)
            .thenMany(Flux.fromIterable(rows))));
  }

  /**
   * As {@link #run}, for a transaction that cannot undo a statement of its own (no savepoints):
   * checks before the write, under the same locks, the records there plus those it adds (an
   * insert's rows; for an update, the records it matches that point elsewhere), so that a
   * refused write has written nothing and the transaction goes on as it was. A required
   * has-one is checked when the transaction ends, which a failure then rolls back whole.
   */
  public static Flux<Value> runBefore(Executor tx, Schema schema, Capability capability,
      StatementNode statement, List<CardinalityGuard> guards,
      Function<StatementNode, Flux<Value>> write, Consumer<List<CardinalityGuard>> defer) {
    // the required has-ones are registered before the write: a caller may take its first value
    // and cancel the rest
    return resolved(tx, guards).flatMapMany(known -> locks(tx, schema, capability, known)
        .then(Mono.fromRunnable(() -> defer.accept(required(known))))
        .thenMany(Flux.fromIterable(known).filter(g -> !g.required())
            .concatMap(g -> countBefore(tx, schema, g), 1))
        .thenMany(Flux.defer(() -> write.apply(statement))));
  }

  private static List<CardinalityGuard> required(List<CardinalityGuard> guards) {
    return guards.stream().filter(CardinalityGuard::required).toList();
  }

  /**
   * {@code guards} with each probe replaced by a guard of every record it finds: the owners of
   * the related records the write will move away or delete, read before it.
   */
  private static Mono<List<CardinalityGuard>> resolved(Executor tx,
      List<CardinalityGuard> guards) {
    return Flux.fromIterable(guards)
        .concatMap(g -> {
          ExprNode probe = g.probe();
          return probe == null ? Flux.just(g) : owners(tx, g, probe).map(g::of);
        }, 1)
        .distinct(g -> List.of(g.owner(), g.relation(), g.key(), g.required()))
        .collectList();
  }

  /** The distinct owners of the related records {@code g}'s {@code probe} matches. */
  private static Flux<Value.Record> owners(Executor tx, CardinalityGuard g, ExprNode probe) {
    List<ExprNode> fk = g.countedFields().stream()
        .map(f -> (ExprNode) new ExprNode.Field(g.counted(), f)).toList();
    return tx.exec(new Query(new Source.Model(g.counted()), probe, new Returning.Project(fk),
            List.of(), null))
        .map(v -> (Value.Record) v)
        .filter(key -> key.fields().stream().noneMatch(Value::isNull))
        .distinct();
  }

  /** Locks the guarded records, in one order so that two writes cannot deadlock. */
  private static Mono<Void> locks(Executor tx, Schema schema, Capability capability,
      List<CardinalityGuard> guards) {
    List<CardinalityGuard> ordered = new ArrayList<>(guards);
    ordered.sort(Comparator.comparing(CardinalityGuard::owner)
        .thenComparing(g -> key(g).toString()));
    return Flux.fromIterable(ordered)
        .concatMap(g -> tx.exec(lock(schema.model(g.owner()), g, capability.rowLocks())), 1)
        .then();
  }

  private static Mono<Void> countBefore(Executor tx, Schema schema, CardinalityGuard g) {
    ExprNode points = equalities(g.counted(), g.countedFields(), key(g));
    Mono<Long> added = g.moved() == null ? Mono.just((long) g.added())
        : countOf(tx, g.counted(), new ExprNode.And(List.of(g.moved(), elsewhere(g))));
    return countOf(tx, g.counted(), points).zipWith(added, Long::sum)
        .flatMap(n -> over(schema, g, n));
  }

  /**
   * The record {@code g} guards; {@link #resolved} has replaced every guard without one (a
   * probe's) by guards of the records it found.
   */
  static Value.Record key(CardinalityGuard g) {
    return Objects.requireNonNull(g.key(), () -> "a probe's guard of " + g.owner() + "."
        + g.relation() + " reached the check unresolved");
  }

  /** The counted records not pointing at the guarded one (a NULL key points nowhere). */
  private static ExprNode elsewhere(CardinalityGuard g) {
    List<ExprNode> terms = new ArrayList<>();
    for (int i = 0; i < g.countedFields().size(); i++) {
      ExprNode f = new ExprNode.Field(g.counted(), g.countedFields().get(i));
      terms.add(new ExprNode.IsNull(f));
      terms.add(new ExprNode.Not(ExprNode.eq(f, new ExprNode.Const(key(g).get(i)))));
    }
    return new ExprNode.Or(terms);
  }

  public static Mono<Long> countOf(Executor tx, String model, ExprNode filter) {
    return tx.exec(new Query(new Source.Model(model), filter, new Returning.Count(), List.of(),
        null)).next().map(Values::asLong).defaultIfEmpty(0L);
  }

  private static Mono<Void> over(Schema schema, CardinalityGuard g, long n) {
    if (n <= g.max()) {
      return Mono.empty();
    }
    ModelSchema owner = schema.model(g.owner());
    return Mono.error(new CardinalityException(g.owner(), g.relation(),
        g.describe(g.ownerFields().stream().map(owner::fieldName).toList()), g.max(), n));
  }

  /**
   * Locks the guarded record: a locking read where the backend has one, else an update that
   * writes its fields back unchanged (a write lock until the transaction ends), version and
   * stamped fields included so that nothing moves.
   */
  private static StatementNode lock(ModelSchema owner, CardinalityGuard g, boolean rowLocks) {
    ExprNode filter = equalities(g.owner(), g.ownerFields(), key(g));
    if (rowLocks) {
      List<ExprNode> key =
          g.ownerFields().stream().map(f -> (ExprNode) new ExprNode.Field(g.owner(), f)).toList();
      return new Query(new Source.Model(g.owner()), filter, new Returning.Project(key),
          List.of(), null, new RowLock(RowLock.Mode.UPDATE, RowLock.OnLocked.WAIT));
    }
    List<Assignment> same = new ArrayList<>();
    for (FieldSchema f : owner.fields()) {
      boolean moves = f.auto() == AutoStrategy.VERSION || f.onUpdate() != null;
      if (moves || same.isEmpty() && !owner.primaryKey().contains(f.index()) && !f.deferred()) {
        same.add(new Assignment(f.index(), new ExprNode.Field(g.owner(), f.index())));
      }
    }
    if (same.isEmpty()) {
      int k = owner.primaryKey().get(0);
      same.add(new Assignment(k, new ExprNode.Field(g.owner(), k)));
    }
    return new UpdateNode(new Source.Model(g.owner()), filter, same, new Returning.Count());
  }

  private static Mono<Void> count(Executor tx, Schema schema, CardinalityGuard g) {
    return countOf(tx, g.counted(), equalities(g.counted(), g.countedFields(), key(g)))
        .flatMap(n -> over(schema, g, n));
  }

  public static ExprNode equalities(String model, List<Integer> fields, Value.Record values) {
    List<ExprNode> terms = new ArrayList<>(fields.size());
    for (int i = 0; i < fields.size(); i++) {
      terms.add(
          ExprNode.eq(new ExprNode.Field(model, fields.get(i)), new ExprNode.Const(values.get(i))));
    }
    return terms.size() == 1 ? terms.get(0) : new ExprNode.And(terms);
  }
}
