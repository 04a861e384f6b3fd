package io.toasty.reactive;

import io.toasty.ModelDef;
import io.toasty.SqlStatement;
import io.toasty.Statement.Snapshot;
import io.toasty.reactive.ReplicaRoute.Why;
import io.toasty.reactive.internal.replica.ReplicaProbe;
import io.toasty.reactive.internal.replica.ReplicaProbe.Verdict;
import io.toasty.reactive.internal.replica.RouteCounts;
import io.toasty.reactive.internal.route.Router;
import io.toasty.stmt.PathNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.Shaped;
import io.toasty.stmt.StatementNode;
import io.toasty.value.Value;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Where a {@code Db} with read replicas sends each statement (docs/databases.md#read-replicas):
 * a statement in a bound transaction to that transaction's node; a read outside one, and a
 * read-only transaction, to the first usable replica taken in turn, unless the request's
 * {@link ReadYourWrites} session wrote within the window or an outer transaction manager bound
 * a connection; everything else to the primary. The planner knows nothing of it: each replica is
 * a {@code Db} of its own, with its own pool, on the same models.
 */
final class ReplicaSet {
  private final Router primary;
  private final List<ReplicaProbe> replicas;
  private final ReplicaPolicy policy;
  private final @Nullable ConnectionBinding binding;
  private final RouteCounts counts;
  /** Where the next read starts looking: replicas are taken in turn. */
  private final AtomicInteger next = new AtomicInteger();

  ReplicaSet(Router primary, List<Db> replicas, ReplicaPolicy policy,
      @Nullable ConnectionBinding binding) {
    this.primary = primary;
    this.replicas = replicas.stream().map(r -> new ReplicaProbe(r, policy.lagQuery(),
        policy.maxLagLimit(), policy.probeInterval())).toList();
    this.policy = policy;
    this.binding = binding;
    this.counts = new RouteCounts(policy.routeObserver());
  }

  Flux<Value> exec(StatementNode statement) {
    return reads(statement) ? read(db -> db.exec(statement), () -> primary.exec(statement),
        Why.READ) : write(db -> db.exec(statement), () -> primary.exec(statement));
  }

  <M> Flux<M> read(Query query, ModelDef<M> model, @Nullable Shaped shaped) {
    Function<Db, Flux<M>> onReplica = db -> db.read(query, model, shaped);
    Supplier<Flux<M>> onPrimary = () -> primary.read(query, model, shaped);
    return reads(query) ? read(onReplica, onPrimary, Why.READ) : write(onReplica, onPrimary);
  }

  <M> Mono<List<M>> readAll(Query query, ModelDef<M> model, @Nullable Shaped shaped) {
    Function<Db, Flux<List<M>>> onReplica = db -> db.readAll(query, model, shaped).flux();
    Supplier<Flux<List<M>>> onPrimary = () -> primary.readAll(query, model, shaped).flux();
    return (reads(query) ? read(onReplica, onPrimary, Why.READ) : write(onReplica, onPrimary))
        .single();
  }

  Flux<Value.Record> execPath(PathNode path) {
    return read(db -> db.execPath(path), () -> primary.execPath(path), Why.READ);
  }

  Mono<List<Object>> execBatch(List<Snapshot<?>> statements) {
    return write(db -> db.execBatch(statements).flux(),
        () -> primary.execBatch(statements).flux()).singleOrEmpty();
  }

  /** A raw statement: the primary (its text may write), or the bound replica transaction. */
  Flux<Value.Record> raw(Function<Db, Flux<Value.Record>> inReplica,
      Supplier<Flux<Value.Record>> onPrimary) {
    return write(inReplica, onPrimary);
  }

  <T> Flux<T> transaction(TxOptions options, Function<? super Tx, ? extends Publisher<T>> work) {
    Function<Db, Flux<T>> onReplica = db -> db.transaction(options, work);
    Supplier<Flux<T>> onPrimary = () -> primary.transaction(options, work);
    return options.isReadOnly() ? read(onReplica, onPrimary, Why.READ_ONLY_TRANSACTION)
        : write(onReplica, onPrimary);
  }

  <T> Mono<T> transactionMono(TxOptions options, Function<? super Tx, ? extends Mono<T>> work) {
    Function<Db, Flux<T>> onReplica = db -> db.transactionMono(options, work).flux();
    Supplier<Flux<T>> onPrimary = () -> primary.transactionMono(options, work).flux();
    return (options.isReadOnly() ? read(onReplica, onPrimary, Why.READ_ONLY_TRANSACTION)
        : write(onReplica, onPrimary)).singleOrEmpty();
  }

  Mono<Tx> begin(TxOptions options) {
    Function<Db, Flux<Tx>> onReplica = db -> db.begin(options).flux();
    Supplier<Flux<Tx>> onPrimary = () -> primary.begin(options).flux();
    return (options.isReadOnly() ? read(onReplica, onPrimary, Why.READ_ONLY_TRANSACTION)
        : write(onReplica, onPrimary)).singleOrEmpty();
  }

  /** The replicas' {@code Db}s, in the order they were added. */
  List<Db> replicas() {
    return replicas.stream().map(ReplicaProbe::replica).toList();
  }

  /** How many statements took each route so far. */
  Map<ReplicaRoute, Long> counts() {
    return counts.snapshot();
  }

  /** Whether {@code statement} only reads: a query without a row lock. */
  private static boolean reads(StatementNode statement) {
    return statement instanceof Query q && q.lock() == null;
  }

  private <T> Flux<T> read(Function<Db, Flux<T>> onReplica, Supplier<Flux<T>> onPrimary,
      Why why) {
    return Flux.deferContextual(context -> {
      Flux<T> inTransaction = inTransaction(context, onReplica, onPrimary);
      if (inTransaction != null) {
        return inTransaction;
      }
      ReadYourWrites session = ReadYourWrites.in(context).orElse(null);
      String position = session == null ? null : session.position();
      if (position == null && session != null
          && session.wroteWithin(policy.readYourWritesWindow())) {
        return onPrimary(Why.READ_YOUR_WRITES, onPrimary);
      }
      Mono<Boolean> bound = binding == null ? Mono.just(false)
          : binding.find(context).hasElement();
      return bound.flatMapMany(b -> b ? onPrimary(Why.BOUND_CONNECTION, onPrimary)
          : pick().flatMapMany(choice -> {
            if (choice.verdict() != Verdict.USABLE) {
              return onPrimary(choice.verdict() == Verdict.LAGGING ? Why.REPLICA_LAGGING
                  : Why.REPLICA_DOWN, onPrimary);
            }
            Db replica = replicas.get(choice.index()).replica();
            return replayed(replica, position).flatMapMany(caughtUp -> {
              if (!caughtUp) {
                return onPrimary(Why.READ_YOUR_WRITES, onPrimary);
              }
              counts.took(new ReplicaRoute(ReplicaRoute.replica(choice.index()), why));
              return onReplica.apply(replica);
            });
          }));
    });
  }

  private <T> Flux<T> write(Function<Db, Flux<T>> inReplica, Supplier<Flux<T>> onPrimary) {
    return Flux.deferContextual(context -> {
      Flux<T> inTransaction = inTransaction(context, inReplica, onPrimary);
      if (inTransaction != null) {
        return inTransaction;
      }
      Flux<T> run = onPrimary(Why.WRITE, onPrimary);
      ReadYourWrites session = ReadYourWrites.in(context).orElse(null);
      if (session == null) {
        return run;
      }
      if (policy.writePositionQuery() != null) {
        // the position once the write is done (committed), before its values: a caller that
        // takes the first value and cancels still leaves the position for its later reads
        return run.doOnSubscribe(x -> session.wrote()).collectList()
            .flatMapMany(values -> writePosition(session).thenMany(Flux.fromIterable(values)));
      }
      // noted as it starts and as it ends: a read of the session meanwhile goes to the primary
      return run.doOnSubscribe(x -> session.wrote()).doFinally(x -> session.wrote());
    });
  }

  /** Notes the primary's write position in {@code session}; emits nothing, never fails. */
  private Mono<Void> writePosition(ReadYourWrites session) {
    String query = Objects.requireNonNull(policy.writePositionQuery(), "a read-your-writes policy");
    return new SqlStatement(primary, query).rows().next()
        .doOnNext(row -> session.wroteAt(row.get(0, String.class)))
        // unknown: the window applies from the write's start
        .onErrorResume(e -> Mono.empty())
        .then();
  }

  /**
   * Whether {@code replica} has replayed the primary's log up to {@code position}: true when
   * there is no position to wait for; false when it cannot say.
   */
  private Mono<Boolean> replayed(Db replica, @Nullable String position) {
    if (position == null) {
      return Mono.just(true);
    }
    return replica.sql(Objects.requireNonNull(policy.replayedQuery(), "a read-your-writes policy"))
        .bind("position", position).rows().next()
        .map(row -> Boolean.TRUE.equals(row.get(0, Boolean.class)))
        .defaultIfEmpty(false)
        .onErrorReturn(false);
  }

  /**
   * The statement on the node of the transaction bound in {@code context} (a read-only one on a
   * replica refuses a write there, as the database does), or null when none is bound.
   */
  private <T> @Nullable Flux<T> inTransaction(ContextView context,
      Function<Db, Flux<T>> onReplica, Supplier<Flux<T>> onPrimary) {
    for (int i = 0; i < replicas.size(); i++) {
      Db replica = replicas.get(i).replica();
      if (Tx.boundIn(context, replica.router()) != null) {
        counts.took(new ReplicaRoute(ReplicaRoute.replica(i), Why.IN_TRANSACTION));
        return onReplica.apply(replica);
      }
    }
    return primary.boundIn(context) == null ? null
        : onPrimary(Why.IN_TRANSACTION, onPrimary);
  }

  private <T> Flux<T> onPrimary(Why why, Supplier<Flux<T>> onPrimary) {
    counts.took(new ReplicaRoute(ReplicaRoute.PRIMARY, why));
    return onPrimary.get();
  }

  /**
   * The first usable replica, starting from the next in turn; else why none is: lagging if one
   * that answered lagged, down otherwise.
   */
  private Mono<Choice> pick() {
    int n = replicas.size();
    int start = Math.floorMod(next.getAndIncrement(), n);
    return Flux.range(0, n).map(i -> (start + i) % n)
        .concatMap(i -> replicas.get(i).verdict().map(v -> new Choice(i, v)), 1)
        .takeUntil(c -> c.verdict() == Verdict.USABLE)
        .collectList()
        .map(seen -> {
          Choice last = seen.get(seen.size() - 1);
          if (last.verdict() == Verdict.USABLE) {
            return last;
          }
          boolean lagging = seen.stream().anyMatch(c -> c.verdict() == Verdict.LAGGING);
          return new Choice(-1, lagging ? Verdict.LAGGING : Verdict.DOWN);
        });
  }

  /** A replica's index and verdict, or -1 and why none is usable. */
  private record Choice(int index, Verdict verdict) {}

  /** Closes the replicas' pools. */
  Mono<Void> close() {
    return Flux.fromIterable(replicas).concatMap(r -> r.replica().close()).then();
  }
}
