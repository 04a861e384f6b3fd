package io.toasty.reactive.internal.route;

import io.toasty.Batch;
import io.toasty.Executor;
import io.toasty.Statement.Snapshot;
import io.toasty.reactive.TxOptions;
import io.toasty.reactive.exec.BoundPlan;
import io.toasty.reactive.internal.batch.KeyUpdate;
import io.toasty.reactive.internal.batch.KeyUpdates;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.stmt.StatementNode;
import io.toasty.stmt.UpdateNode;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * A batch's statements one after the other in its transaction, as {@link Batch#inOrder} runs
 * them, except that a run of consecutive updates by key of one plan ({@link KeyUpdate}), each to
 * a key of its own, is written by one statement ({@link KeyUpdates#statement}): {@code UPDATE ..
 * SET f = CASE key WHEN .. END WHERE key IN (..)}, returning the keys it found, so that each
 * update gets the count its own statement would have (1, or 0 for a key nobody stored). Where
 * updates return no rows (MySQL, MariaDB), a {@code SELECT .. FOR UPDATE} of the keys comes
 * first and tells which are stored. Twenty updates cost one or two round trips instead of
 * twenty (docs/batches.md, "Updates by key together").
 *
 * <p>Why this keeps the batch's meaning: the updates of a run assign constants to plain fields
 * (no unique, key, JSON or collection field, nothing read from the row) of distinct rows, so no
 * order among them can be seen; the statements before the run have run, and those after it run
 * after it, as before. A batch that is one such run is that one statement, without a
 * transaction ({@link #exec}). A run stops at anything else, at another plan, and at a key the
 * run holds already (the second update of a key comes after the first). An update with
 * hooks, under a tenant's scope, or whose values fail their checks runs alone, where it meets
 * its own hooks, scope or error in its turn. When the run's statement fails, the batch fails
 * and nothing of it is written, as when one of the updates fails alone.
 */
public final class KeyUpdateRuns {
  private static final Value ONE = new Value.I64(1);
  private static final Value NONE = new Value.I64(0);

  private KeyUpdateRuns() {}

  /**
   * {@code batch} run on {@code router} outside any transaction: a batch that is one run of
   * updates by key, on a backend whose updates return rows, as that one statement alone (one
   * statement is all or nothing by itself: no {@code BEGIN} and {@code COMMIT}); any other in a
   * transaction of its own, its runs merged.
   */
  public static Mono<List<Object>> exec(Router router, List<Snapshot<?>> batch) {
    if (!router.mergesBatchUpdates() || batch.size() < 2) {
      return router.transactionMono(TxOptions.defaults(), tx -> Batch.inOrder(tx, batch));
    }
    return Mono.deferContextual(context -> {
      List<Run> runs = runs(router, batch, context);
      boolean returning = router.capability().returningFromMutation();
      if (returning && runs.size() == 1 && runs.get(0).first != null) {
        return runs.get(0).exec(router, true);
      }
      return router.transactionMono(TxOptions.defaults(),
          tx -> inOrder(tx, batch, runs, returning));
    });
  }

  /** {@code batch} run on {@code tx}, a transaction of {@code router}'s, its runs merged. */
  public static Mono<List<Object>> inOrder(Router router, Executor tx,
      List<Snapshot<?>> batch) {
    if (!router.mergesBatchUpdates() || batch.size() < 2) {
      return Batch.inOrder(tx, batch);
    }
    return Mono.deferContextual(context -> inOrder(tx, batch, runs(router, batch, context),
        router.capability().returningFromMutation()));
  }

  private static Mono<List<Object>> inOrder(Executor tx, List<Snapshot<?>> batch,
      List<Run> runs, boolean returning) {
    if (runs.size() == batch.size()) { // nothing written together
      return Batch.inOrder(tx, batch);
    }
    return Flux.fromIterable(runs).concatMap(r -> r.exec(tx, returning), 1)
        .concatMapIterable(results -> results)
        .collectList();
  }

  /** {@code batch} cut into runs: one statement each, or updates by key written together. */
  private static List<Run> runs(Router router, List<Snapshot<?>> batch, ContextView context) {
    List<Run> runs = new ArrayList<>();
    Run open = null;
    for (Snapshot<?> s : batch) {
      Update u = update(router, s, context);
      if (open != null && u != null && open.takes(u)) {
        open.add(s, u);
        continue;
      }
      open = u == null ? null : new Run(u);
      runs.add(open != null ? open.add(s, u) : Run.alone(s));
    }
    return runs;
  }

  /**
   * {@code s} as an update by key that may join a run, or null: it is not one, its model has
   * hooks or a tenant's scope, or planning or checking it fails (it then runs alone and fails in
   * its turn).
   */
  private static @Nullable Update update(Router router, Snapshot<?> s, ContextView context) {
    if (!(s.untyped() instanceof UpdateNode written)) {
      return null;
    }
    try {
      List<StatementNode> scoped = router.tenants().applyAll(written, context);
      if (scoped.size() != 1 || !written.equals(scoped.get(0))
          || router.hooks().touches(written)
          || !(written.target() instanceof Source.Model target)) {
        return null;
      }
      ModelSchema model = router.models().model(target.model());
      KeyUpdate key = KeyUpdate.of(written, model);
      if (key == null) {
        return null;
      }
      BoundPlan bound = router.bind(written);
      return Router.onOne(bound) ? new Update(written, key, model, bound.plan()) : null;
    } catch (RuntimeException refusedOrInvalid) {
      return null;
    }
  }

  /** An update by key that may join a run, with the plan it is of. */
  private record Update(UpdateNode node, KeyUpdate key, ModelSchema model, Object plan) {}

  /** Consecutive statements of a batch: one, or updates by key of one plan. */
  private static final class Run {
    private final List<Snapshot<?>> statements = new ArrayList<>(1);
    private final List<KeyUpdate> updates = new ArrayList<>(1);
    private final Set<Object> keys = new HashSet<>();
    private final @Nullable Update first;

    private Run(@Nullable Update first) {
      this.first = first;
    }

    static Run alone(Snapshot<?> s) {
      Run r = new Run(null);
      r.statements.add(s);
      return r;
    }

    /** Whether {@code u} joins: the same plan (by identity, as the plan cache hands it out). */
    boolean takes(Update u) {
      return first != null && u.plan() == first.plan() && !keys.contains(u.key().key())
          && updates.size() < KeyUpdates.mostKeys();
    }

    Run add(Snapshot<?> s, Update u) {
      statements.add(s);
      updates.add(u.key());
      keys.add(u.key().key());
      return this;
    }

    /**
     * The results of this run's statements, in order; {@code returning}: the backend's updates
     * return rows (else the keys are locked and read first, in a transaction).
     */
    Mono<List<Object>> exec(Executor tx, boolean returning) {
      if (first == null || updates.size() == 1) {
        Snapshot<?> s = statements.get(0);
        return Batch.finish(s, s.untyped() == null ? Flux.empty() : tx.exec(s.untyped()), tx)
            .map(List::of);
      }
      FieldSchema key = first.model().field(first.key().key().field());
      Mono<Set<Object>> found = returning ? written(tx, key) : lockedThenWritten(tx, key);
      return found.flatMap(keys -> Flux.range(0, statements.size())
          .concatMap(i -> Batch.finish(statements.get(i), Flux.just(
              keys.contains(updates.get(i).key().key()) ? ONE : NONE), tx), 1)
          .collectList());
    }

    /** The one statement; the keys it found, from the rows it returned. */
    private Mono<Set<Object>> written(Executor tx, FieldSchema key) {
      Update u = Objects.requireNonNull(first, "a run of updates");
      UpdateNode one = KeyUpdates.statement(u.node(), key, u.model().name(), updates,
          new Returning.Model(List.of(), false, List.of()));
      return keysOf(tx.exec(one), key);
    }

    /**
     * Where updates return no rows (MySQL, MariaDB): the keys locked first, in the batch's
     * transaction ({@code SELECT .. FOR UPDATE}: no other transaction can delete or change them
     * before the update), then one statement for the keys found. A key not found is not
     * written and counts 0, as if the batch ran before anyone stored it.
     */
    private Mono<Set<Object>> lockedThenWritten(Executor tx, FieldSchema key) {
      Update u = Objects.requireNonNull(first, "a run of updates");
      String model = u.model().name();
      return keysOf(tx.exec(KeyUpdates.locked(key, model, updates)), key).flatMap(found -> {
        List<KeyUpdate> stored = updates.stream()
            .filter(each -> found.contains(each.key().key())).toList();
        return stored.isEmpty() ? Mono.just(found)
            : tx.exec(KeyUpdates.statement(u.node(), key, model, stored, new Returning.Count()))
                .then(Mono.just(found));
      });
    }

    private static Mono<Set<Object>> keysOf(Flux<Value> rows, FieldSchema key) {
      return rows.<Object>mapNotNull(row -> KeyUpdates.keyOf(row, key))
          .collect(HashSet::new, Set::add);
    }
  }
}
